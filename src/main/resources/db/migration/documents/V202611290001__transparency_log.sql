-- The transparency log: an append-only Merkle tree of issued documents (RFC 9162 style).
-- Leaves and signed tree heads are only ever inserted; the tree is recomputed from the leaves and
-- checked against every stored head at start-up (documents.transparency.LogCheck), which is what
-- detects a change made by someone who can also drop these triggers.
create schema if not exists documents;

-- the keys tree heads are signed with; the private key sealed under the installation's data key
create table documents.log_keys (
    key_id             text        primary key check (key_id ~ '^[0-9a-f]{64}$'),
    public_key         bytea       not null,
    sealed_private_key bytea       not null,
    created_at         timestamptz not null,
    retired_at         timestamptz
);
create unique index log_keys_one_current on documents.log_keys ((true)) where retired_at is null;

create table documents.log_leaves (
    leaf_index    bigint      primary key check (leaf_index >= 0),
    leaf_input    bytea       not null check (octet_length(leaf_input) <= 1024),
    leaf_hash     bytea       not null check (octet_length(leaf_hash) = 32),
    document_hash bytea       not null check (octet_length(document_hash) = 32),
    document_type text        not null,
    status        text        not null check (status in ('ISSUED', 'SUPERSEDED', 'REVOKED')),
    issuer_id     uuid        not null,
    trade_id      uuid,
    logged_at     timestamptz not null
);
create index log_leaves_by_document on documents.log_leaves (document_hash);

create table documents.log_heads (
    tree_size  bigint      primary key check (tree_size >= 0),
    issued_at  timestamptz not null,
    root_hash  bytea       not null check (octet_length(root_hash) = 32),
    key_id     text        not null references documents.log_keys (key_id),
    signature  bytea       not null
);

-- one row: the size of the tree; appenders lock it, which orders appends across threads and nodes
create table documents.log_state (
    id        integer primary key check (id = 1),
    tree_size bigint  not null check (tree_size >= 0)
);
insert into documents.log_state (id, tree_size) values (1, 0);

create function documents.log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'documents.% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;
create trigger log_leaves_append_only before update or delete or truncate on documents.log_leaves
    for each statement execute function documents.log_is_append_only();
create trigger log_heads_append_only before update or delete or truncate on documents.log_heads
    for each statement execute function documents.log_is_append_only();
