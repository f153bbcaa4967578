-- Images on PostgreSQL: the whole wire object in `doc` (jsonb, the one copy of the data), and
-- stored generated columns for every attribute lists filter or sort on, with the same meaning
-- as SQLite's (migrations/0001_images.sql): a column holds a value only when the JSON has the
-- right type; flags are 1 for JSON true or the text "true" in any case, else 0. Text columns
-- use the "C" collation, so they sort bytewise as SQLite's do, whatever the cluster's locale.
CREATE TABLE images (
    id                       text COLLATE "C" PRIMARY KEY,
    doc                      jsonb NOT NULL CHECK (jsonb_typeof(doc) = 'object'),
    owner                    text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'owner') = 'string' THEN doc ->> 'owner' END) STORED,
    name                     text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'name') = 'string' THEN doc ->> 'name' END) STORED,
    visibility               text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'visibility') = 'string' THEN doc ->> 'visibility' END) STORED,
    status                   text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'status') = 'string' THEN doc ->> 'status' END) STORED,
    imagetype                text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> '__imagetype') = 'string' THEN doc ->> '__imagetype' END) STORED,
    created_at               text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'created_at') = 'string' THEN doc ->> 'created_at' END) STORED,
    updated_at               text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'updated_at') = 'string' THEN doc ->> 'updated_at' END) STORED,
    size                     bigint GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'size') = 'number' AND (doc ->> 'size') ~ '^-?[0-9]{1,18}$' THEN (doc ->> 'size')::bigint END) STORED,
    container_format         text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'container_format') = 'string' THEN doc ->> 'container_format' END) STORED,
    disk_format              text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'disk_format') = 'string' THEN doc ->> 'disk_format' END) STORED,
    min_ram                  bigint GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'min_ram') = 'number' AND (doc ->> 'min_ram') ~ '^-?[0-9]{1,18}$' THEN (doc ->> 'min_ram')::bigint END) STORED,
    min_disk                 bigint GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'min_disk') = 'number' AND (doc ->> 'min_disk') ~ '^-?[0-9]{1,18}$' THEN (doc ->> 'min_disk')::bigint END) STORED,
    protected                integer GENERATED ALWAYS AS (CASE WHEN doc -> 'protected' = 'true'::jsonb OR (jsonb_typeof(doc -> 'protected') = 'string' AND lower(doc ->> 'protected') = 'true') THEN 1 ELSE 0 END) STORED,
    isregistered             integer GENERATED ALWAYS AS (CASE WHEN doc -> '__isregistered' = 'true'::jsonb OR (jsonb_typeof(doc -> '__isregistered') = 'string' AND lower(doc ->> '__isregistered') = 'true') THEN 1 ELSE 0 END) STORED,
    whole_image              integer GENERATED ALWAYS AS (CASE WHEN doc -> '__whole_image' = 'true'::jsonb OR (jsonb_typeof(doc -> '__whole_image') = 'string' AND lower(doc ->> '__whole_image') = 'true') THEN 1 ELSE 0 END) STORED,
    system__cmkid            text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> '__system__cmkid') = 'string' THEN doc ->> '__system__cmkid' END) STORED,
    enterprise_project_id    text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'enterprise_project_id') = 'string' THEN doc ->> 'enterprise_project_id' END) STORED,
    os_type                  text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> '__os_type') = 'string' THEN doc ->> '__os_type' END) STORED,
    platform                 text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> '__platform') = 'string' THEN doc ->> '__platform' END) STORED,
    os_bit                   text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> '__os_bit') = 'string' THEN doc ->> '__os_bit' END) STORED,
    architecture             text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'architecture') = 'string' THEN doc ->> 'architecture' END) STORED,
    virtual_env_type         text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> 'virtual_env_type') = 'string' THEN doc ->> 'virtual_env_type' END) STORED,
    support_kvm              integer GENERATED ALWAYS AS (CASE WHEN doc -> '__support_kvm' = 'true'::jsonb OR (jsonb_typeof(doc -> '__support_kvm') = 'string' AND lower(doc ->> '__support_kvm') = 'true') THEN 1 ELSE 0 END) STORED,
    support_xen              integer GENERATED ALWAYS AS (CASE WHEN doc -> '__support_xen' = 'true'::jsonb OR (jsonb_typeof(doc -> '__support_xen') = 'string' AND lower(doc ->> '__support_xen') = 'true') THEN 1 ELSE 0 END) STORED,
    support_largememory      integer GENERATED ALWAYS AS (CASE WHEN doc -> '__support_largememory' = 'true'::jsonb OR (jsonb_typeof(doc -> '__support_largememory') = 'string' AND lower(doc ->> '__support_largememory') = 'true') THEN 1 ELSE 0 END) STORED,
    support_diskintensive    integer GENERATED ALWAYS AS (CASE WHEN doc -> '__support_diskintensive' = 'true'::jsonb OR (jsonb_typeof(doc -> '__support_diskintensive') = 'string' AND lower(doc ->> '__support_diskintensive') = 'true') THEN 1 ELSE 0 END) STORED,
    support_highperformance  integer GENERATED ALWAYS AS (CASE WHEN doc -> '__support_highperformance' = 'true'::jsonb OR (jsonb_typeof(doc -> '__support_highperformance') = 'string' AND lower(doc ->> '__support_highperformance') = 'true') THEN 1 ELSE 0 END) STORED,
    support_xen_gpu_type     text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> '__support_xen_gpu_type') = 'string' THEN doc ->> '__support_xen_gpu_type' END) STORED,
    support_kvm_gpu_type     text COLLATE "C" GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> '__support_kvm_gpu_type') = 'string' THEN doc ->> '__support_kvm_gpu_type' END) STORED,
    support_xen_hana         integer GENERATED ALWAYS AS (CASE WHEN doc -> '__support_xen_hana' = 'true'::jsonb OR (jsonb_typeof(doc -> '__support_xen_hana') = 'string' AND lower(doc ->> '__support_xen_hana') = 'true') THEN 1 ELSE 0 END) STORED,
    support_kvm_infiniband   integer GENERATED ALWAYS AS (CASE WHEN doc -> '__support_kvm_infiniband' = 'true'::jsonb OR (jsonb_typeof(doc -> '__support_kvm_infiniband') = 'string' AND lower(doc ->> '__support_kvm_infiniband') = 'true') THEN 1 ELSE 0 END) STORED
);

-- The same indexes as SQLite's. Sort indexes put NULLs first, so one index serves both the
-- ascending order (NULLs first) and, read backwards, the descending one (NULLs last).
CREATE INDEX images_owner ON images (owner);
CREATE INDEX images_visibility ON images (visibility);
CREATE INDEX images_status ON images (status);
CREATE INDEX images_name ON images (name NULLS FIRST, id);
CREATE INDEX images_created_at ON images (created_at NULLS FIRST, id);
CREATE INDEX images_platform ON images (platform, created_at NULLS FIRST, id);
CREATE INDEX images_imagetype ON images (imagetype, created_at NULLS FIRST, id);
CREATE INDEX images_status_id ON images (status NULLS FIRST, id);
CREATE INDEX images_container_format ON images (container_format NULLS FIRST, id);
CREATE INDEX images_disk_format ON images (disk_format NULLS FIRST, id);
CREATE INDEX images_size ON images (size NULLS FIRST, id);

-- Memberships: who an image is shared with, and in which state. They go with their image.
CREATE TABLE members (
    image_id   text COLLATE "C" NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    member_id  text COLLATE "C" NOT NULL,
    status     text COLLATE "C" NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    updated_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (image_id, member_id)
);

CREATE INDEX members_member ON members (member_id, status);
