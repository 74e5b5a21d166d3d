-- The platform's certificate authority and the signing certificates it issues to organizations.
-- Private keys are sealed under the installation's data key (platform.SecretBox); they never leave
-- the server.
create table documents.ca_keys (
    key_id             text        primary key check (key_id ~ '^[0-9a-f]{40}$'),
    certificate        bytea       not null,
    sealed_private_key bytea       not null,
    created_at         timestamptz not null,
    retired_at         timestamptz
);
create unique index ca_keys_one_current on documents.ca_keys ((true)) where retired_at is null;

create table documents.signing_certificates (
    serial             numeric     primary key,
    organization_id    uuid        not null,
    ca_key_id          text        not null references documents.ca_keys (key_id),
    certificate        bytea       not null,
    sealed_private_key bytea       not null,
    issued_at          timestamptz not null,
    not_after          timestamptz not null,
    revoked_at         timestamptz,
    revocation_reason  integer check (revocation_reason between 0 and 10)
);
create index signing_certificates_of_organization on documents.signing_certificates (organization_id, issued_at desc);
-- at most one usable (unrevoked) certificate per organization
create unique index signing_certificates_one_current on documents.signing_certificates (organization_id)
    where revoked_at is null;
