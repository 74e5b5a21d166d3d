create schema if not exists accounts;

create table accounts.organizations (
    id                  uuid primary key,
    legal_name          text        not null,
    country             text        not null check (country ~ '^[A-Z]{2}$'),
    trade_role          text        not null check (trade_role in ('EXPORTER', 'IMPORTER', 'BOTH')),
    registration_number text,
    website             text,
    created_at          timestamptz not null,
    version             bigint      not null default 0
);

create table accounts.users (
    id                uuid primary key,
    email             text        not null,
    display_name      text        not null,
    password_hash     text        not null,
    preferred_locale  text        not null default 'en',
    email_verified_at timestamptz,
    enabled           boolean     not null default true,
    created_at        timestamptz not null,
    password_changed_at timestamptz not null,
    version           bigint      not null default 0
);
-- e-mail addresses are stored lower-cased; one account per address
create unique index users_email_idx on accounts.users (email);

create table accounts.memberships (
    id              uuid primary key,
    organization_id uuid        not null references accounts.organizations (id),
    user_id         uuid        not null references accounts.users (id),
    role            text        not null check (role in ('OWNER', 'ADMIN', 'TRADER', 'FINANCE', 'VIEWER')),
    created_at      timestamptz not null,
    version         bigint      not null default 0
);
-- one organization per user in this version (docs/adr/0007-accounts-and-sign-in.md)
create unique index memberships_user_idx on accounts.memberships (user_id);
create index memberships_organization_idx on accounts.memberships (organization_id, created_at, id);

create table accounts.invitations (
    id              uuid primary key,
    organization_id uuid        not null references accounts.organizations (id),
    email           text        not null,
    role            text        not null check (role in ('ADMIN', 'TRADER', 'FINANCE', 'VIEWER')),
    token_hash      bytea       not null unique,
    invited_by      uuid        references accounts.users (id),
    invited_by_label text       not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    accepted_at     timestamptz,
    revoked_at      timestamptz,
    version         bigint      not null default 0
);
create index invitations_organization_idx on accounts.invitations (organization_id, created_at desc, id);

-- single-use, expiring links: e-mail verification and password reset. Only a hash of the token is kept.
create table accounts.one_time_tokens (
    id          uuid primary key,
    user_id     uuid        not null references accounts.users (id),
    purpose     text        not null check (purpose in ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    token_hash  bytea       not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index one_time_tokens_user_idx on accounts.one_time_tokens (user_id, purpose);

-- failed sign-ins per e-mail address (known or not, so the answer never reveals which) and lockout backoff
create table accounts.sign_in_throttle (
    email_hash       bytea primary key,
    failures         integer     not null,
    lockouts         integer     not null,
    locked_until     timestamptz,
    last_failure_at  timestamptz not null
);

create table accounts.totp_credentials (
    user_id          uuid primary key references accounts.users (id),
    secret           bytea       not null,
    confirmed_at     timestamptz,
    last_used_step   bigint      not null default 0,
    created_at       timestamptz not null
);

create table accounts.recovery_codes (
    id         uuid primary key,
    user_id    uuid        not null references accounts.users (id),
    code_hash  bytea       not null,
    created_at timestamptz not null,
    used_at    timestamptz
);
create index recovery_codes_user_idx on accounts.recovery_codes (user_id);

create table accounts.api_tokens (
    id              uuid primary key,
    organization_id uuid        not null references accounts.organizations (id),
    name            text        not null,
    lookup_id       text        not null unique,
    secret_hash     bytea       not null,
    scopes          text        not null,
    created_by      uuid        not null references accounts.users (id),
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    version         bigint      not null default 0
);
create index api_tokens_organization_idx on accounts.api_tokens (organization_id, created_at desc, id);

-- Spring Session JDBC: sessions live in PostgreSQL so that several nodes share them and
-- disabling a user can end every session it has (indexed by principal name = user id).
create table accounts.spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on accounts.spring_session (session_id);
create index spring_session_ix2 on accounts.spring_session (expiry_time);
create index spring_session_ix3 on accounts.spring_session (principal_name);

create table accounts.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references accounts.spring_session (primary_id) on delete cascade
);

-- Passkeys (WebAuthn), in Spring Security's own schema. Its JDBC repositories name the tables
-- without a schema, so they live in public (the only tables of this module that do).
create table public.user_entities (
    id           varchar(1000) not null,
    name         varchar(100)  not null,
    display_name varchar(200),
    primary key (id)
);
create table public.user_credentials (
    credential_id                varchar(1000) not null,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null,
    primary key (credential_id)
);
