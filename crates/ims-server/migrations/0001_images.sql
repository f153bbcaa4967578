-- Images: the whole wire object in `doc` (the one copy of the data), and typed columns
-- generated from it for every attribute that lists filter or sort on. A column holds a value
-- only when the JSON has the right type, so SQL sees exactly what the ims-core engine sees.
-- Boolean columns are 1 for JSON true or the text "true" in any case, else 0.
CREATE TABLE images (
    id                       TEXT    PRIMARY KEY NOT NULL,
    doc                      TEXT    NOT NULL CHECK (json_valid(doc)),
    owner                    TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.owner') WHEN 'text' THEN json_extract(doc, '$.owner') END) STORED,
    name                     TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.name') WHEN 'text' THEN json_extract(doc, '$.name') END) STORED,
    visibility               TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.visibility') WHEN 'text' THEN json_extract(doc, '$.visibility') END) STORED,
    status                   TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.status') WHEN 'text' THEN json_extract(doc, '$.status') END) STORED,
    imagetype                TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.__imagetype') WHEN 'text' THEN json_extract(doc, '$.__imagetype') END) STORED,
    created_at               TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.created_at') WHEN 'text' THEN json_extract(doc, '$.created_at') END) STORED,
    updated_at               TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.updated_at') WHEN 'text' THEN json_extract(doc, '$.updated_at') END) VIRTUAL,
    size                     INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.size') WHEN 'integer' THEN json_extract(doc, '$.size') END) VIRTUAL,
    container_format         TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.container_format') WHEN 'text' THEN json_extract(doc, '$.container_format') END) VIRTUAL,
    disk_format              TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.disk_format') WHEN 'text' THEN json_extract(doc, '$.disk_format') END) VIRTUAL,
    min_ram                  INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.min_ram') WHEN 'integer' THEN json_extract(doc, '$.min_ram') END) VIRTUAL,
    min_disk                 INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.min_disk') WHEN 'integer' THEN json_extract(doc, '$.min_disk') END) VIRTUAL,
    protected                INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.protected') WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, '$.protected')) = 'true' ELSE 0 END) VIRTUAL,
    isregistered             INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.__isregistered') WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, '$.__isregistered')) = 'true' ELSE 0 END) VIRTUAL,
    whole_image              INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.__whole_image') WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, '$.__whole_image')) = 'true' ELSE 0 END) VIRTUAL,
    system__cmkid            TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.__system__cmkid') WHEN 'text' THEN json_extract(doc, '$.__system__cmkid') END) VIRTUAL,
    enterprise_project_id    TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.enterprise_project_id') WHEN 'text' THEN json_extract(doc, '$.enterprise_project_id') END) VIRTUAL,
    os_type                  TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.__os_type') WHEN 'text' THEN json_extract(doc, '$.__os_type') END) VIRTUAL,
    platform                 TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.__platform') WHEN 'text' THEN json_extract(doc, '$.__platform') END) STORED,
    os_bit                   TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.__os_bit') WHEN 'text' THEN json_extract(doc, '$.__os_bit') END) VIRTUAL,
    architecture             TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.architecture') WHEN 'text' THEN json_extract(doc, '$.architecture') END) VIRTUAL,
    virtual_env_type         TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.virtual_env_type') WHEN 'text' THEN json_extract(doc, '$.virtual_env_type') END) VIRTUAL,
    support_kvm              INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.__support_kvm') WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, '$.__support_kvm')) = 'true' ELSE 0 END) VIRTUAL,
    support_xen              INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.__support_xen') WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, '$.__support_xen')) = 'true' ELSE 0 END) VIRTUAL,
    support_largememory      INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.__support_largememory') WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, '$.__support_largememory')) = 'true' ELSE 0 END) VIRTUAL,
    support_diskintensive    INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.__support_diskintensive') WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, '$.__support_diskintensive')) = 'true' ELSE 0 END) VIRTUAL,
    support_highperformance  INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.__support_highperformance') WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, '$.__support_highperformance')) = 'true' ELSE 0 END) VIRTUAL,
    support_xen_gpu_type     TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.__support_xen_gpu_type') WHEN 'text' THEN json_extract(doc, '$.__support_xen_gpu_type') END) VIRTUAL,
    support_kvm_gpu_type     TEXT    GENERATED ALWAYS AS (CASE json_type(doc, '$.__support_kvm_gpu_type') WHEN 'text' THEN json_extract(doc, '$.__support_kvm_gpu_type') END) VIRTUAL,
    support_xen_hana         INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.__support_xen_hana') WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, '$.__support_xen_hana')) = 'true' ELSE 0 END) VIRTUAL,
    support_kvm_infiniband   INTEGER GENERATED ALWAYS AS (CASE json_type(doc, '$.__support_kvm_infiniband') WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, '$.__support_kvm_infiniband')) = 'true' ELSE 0 END) VIRTUAL
) STRICT;

CREATE INDEX images_owner ON images (owner);
CREATE INDEX images_visibility ON images (visibility);
CREATE INDEX images_status ON images (status);
CREATE INDEX images_name ON images (name, id);
CREATE INDEX images_created_at ON images (created_at, id);
CREATE INDEX images_platform ON images (platform, created_at, id);
CREATE INDEX images_imagetype ON images (imagetype, created_at, id);

-- Memberships: who an image is shared with, and in which state. They go with their image.
CREATE TABLE members (
    image_id   TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    member_id  TEXT NOT NULL,
    status     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (image_id, member_id)
) STRICT;

CREATE INDEX members_member ON members (member_id, status);
