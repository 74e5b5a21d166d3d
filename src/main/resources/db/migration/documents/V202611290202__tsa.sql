-- The platform's RFC 3161 timestamp authority: its key (sealed under the data key) and its
-- certificate, issued by the platform CA with the critical extended key usage id-kp-timeStamping.
create table documents.tsa_keys (
    key_id             text        primary key check (key_id ~ '^[0-9a-f]{40}$'),
    certificate        bytea       not null,
    sealed_private_key bytea       not null,
    created_at         timestamptz not null,
    retired_at         timestamptz
);
create unique index tsa_keys_one_current on documents.tsa_keys ((true)) where retired_at is null;
