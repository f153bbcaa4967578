-- Images: typed columns for what lists filter and sort on, the whole wire object in `doc`.
CREATE TABLE images (
    id          TEXT PRIMARY KEY NOT NULL,
    owner       TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    visibility  TEXT NOT NULL,
    status      TEXT NOT NULL,
    image_type  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    doc         TEXT NOT NULL
);
CREATE INDEX images_owner ON images (owner);
CREATE INDEX images_visibility ON images (visibility);
CREATE INDEX images_status ON images (status);
CREATE INDEX images_name ON images (name);
CREATE INDEX images_created_at ON images (created_at, id);
