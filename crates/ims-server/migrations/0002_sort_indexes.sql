-- Every sort key gets a `(column, id)` index, so a page after any marker is an index seek
-- (see src/store/keyset.rs). name and created_at had theirs; `id` is the primary key.
CREATE INDEX images_status_id ON images (status, id);
CREATE INDEX images_container_format ON images (container_format, id);
CREATE INDEX images_disk_format ON images (disk_format, id);
CREATE INDEX images_size ON images (size, id);
