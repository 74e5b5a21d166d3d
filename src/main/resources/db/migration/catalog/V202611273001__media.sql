-- Uploaded product images and certificate files (tenant-owned: organization_id is the uploader).
-- Only what describes a file lives here; its bytes are in catalog.media_content, behind the
-- MediaStore port, so an S3-compatible store can take them over without touching this table.
create table catalog.media (
    id                     uuid primary key,
    organization_id        uuid        not null,
    kind                   text        not null check (kind in ('PRODUCT_IMAGE', 'CERTIFICATE')),
    content_type           text        not null check (content_type in ('image/jpeg', 'image/png', 'application/pdf')),
    -- as the uploader named the file, sanitized; shown to people, never used as a path
    file_name              text        not null check (length(file_name) between 1 and 100),
    size_bytes             bigint      not null check (size_bytes > 0),
    width                  integer check (width > 0),
    height                 integer check (height > 0),
    sha256                 text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    thumbnail_content_type text check (thumbnail_content_type in ('image/jpeg', 'image/png')),
    thumbnail_width        integer check (thumbnail_width > 0),
    thumbnail_height       integer check (thumbnail_height > 0),
    thumbnail_size_bytes   bigint check (thumbnail_size_bytes > 0),
    thumbnail_sha256       text check (thumbnail_sha256 ~ '^[0-9a-f]{64}$'),
    created_at             timestamptz not null,
    check ((kind = 'PRODUCT_IMAGE') = (width is not null and thumbnail_content_type is not null))
);
create index media_organization_created_idx on catalog.media (organization_id, created_at);

-- The bytes of each media file: the re-encoded image (or the PDF as uploaded) and its thumbnail.
create table catalog.media_content (
    media_id uuid  not null references catalog.media (id) on delete cascade,
    variant  text  not null check (variant in ('ORIGINAL', 'THUMBNAIL')),
    bytes    bytea not null,
    primary key (media_id, variant)
);
-- bytea is compressed by TOAST by default; images and PDFs are compressed already
alter table catalog.media_content alter column bytes set storage external;

-- A published product's certificate file is public with its listing.
alter table catalog.listing_certifications add column certificate_id uuid;

-- "Is this file shown by a listing?" and "does a product still use it?" are asked by media id.
create index listing_images_media_idx on catalog.listing_images (media_id);
create index listing_certifications_certificate_idx on catalog.listing_certifications (certificate_id)
    where certificate_id is not null;
create index product_images_media_idx on catalog.product_images (media_id);
create index product_certifications_certificate_idx on catalog.product_certifications (certificate_id)
    where certificate_id is not null;
