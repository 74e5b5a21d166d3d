create schema if not exists platform;

-- Responses stored per client and Idempotency-Key so that a retried POST gets the first answer
-- instead of doing the work twice (see docs/adr/0004-rest-conventions.md).
create table platform.idempotency_keys (
    scope          text        not null,
    key            text        not null,
    request_hash   bytea       not null,
    state          text        not null check (state in ('IN_PROGRESS', 'DONE')),
    started_at     timestamptz not null,
    completed_at   timestamptz,
    status         integer,
    content_type   text,
    location       text,
    body           bytea,
    primary key (scope, key)
);
create index idempotency_keys_started_idx on platform.idempotency_keys (started_at);
