-- Signing credentials organizations upload from an external CA (PKCS#12), validated on upload.
-- The private key is sealed under the installation's data key (platform.SecretBox), bound to its
-- row; the chain (the organization's certificate first, the self-signed root last) is kept as a
-- DER PkiPath. Rows are never deleted: a replaced or removed credential keeps who removed it when.
create table documents.uploaded_credentials (
    id                 uuid        primary key,
    organization_id    uuid        not null,
    chain              bytea       not null,
    sealed_private_key bytea       not null,
    serial             numeric     not null,
    subject            text        not null,
    issuer             text        not null,
    not_before         timestamptz not null,
    not_after          timestamptz not null,
    uploaded_by        text        not null,
    uploaded_at        timestamptz not null,
    removed_by         text,
    removed_at         timestamptz,
    check ((removed_at is null) = (removed_by is null)),
    check (not_before < not_after)
);
create index uploaded_credentials_of_organization on documents.uploaded_credentials (organization_id, uploaded_at desc);
-- one active uploaded credential per organization
create unique index uploaded_credentials_one_active on documents.uploaded_credentials (organization_id)
    where removed_at is null;
