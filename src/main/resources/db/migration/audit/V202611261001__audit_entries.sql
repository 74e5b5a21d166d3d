create schema if not exists audit;

-- The security audit trail: append-only and hash-chained. The hash of each entry covers the
-- hash of the one before it and all its own fields (format: docs/adr/0006-audit-hash-chain.md),
-- so an edited, deleted, inserted or reordered entry breaks the chain.
create table audit.entries (
    sequence        bigint      primary key check (sequence > 0),
    occurred_at     timestamptz not null,
    action          text        not null,
    organization_id uuid,
    actor_id        uuid,
    actor_label     text,
    subject         text,
    details         jsonb       not null default '{}',
    ip_address      text,
    previous_hash   text        not null check (previous_hash ~ '^[0-9a-f]{64}$'),
    hash            text        not null check (hash ~ '^[0-9a-f]{64}$'),
    -- every hash is the predecessor of at most one entry: the chain cannot fork
    constraint entries_one_successor unique (previous_hash)
);
-- an organization's security log, newest first (keyset pagination on sequence)
create index entries_organization_idx on audit.entries (organization_id, sequence desc)
    where organization_id is not null;

-- The last entry of the chain, kept apart from it and updated in the same transaction as each
-- append: the chain alone cannot show that its newest entries were deleted, the head can.
create table audit.head (
    id       boolean primary key default true check (id),
    sequence bigint  not null check (sequence >= 0),
    hash     text    not null check (hash ~ '^[0-9a-f]{64}$')
);
insert into audit.head (id, sequence, hash) values (true, 0, repeat('0', 64));

-- Append-only at the database level too. The application never updates or deletes an entry;
-- these triggers stop anything else that tries (a bulk statement, an ORM, a hand-typed query).
-- A deliberate maintenance session can lift them with
--     set local caravan.audit_maintenance = 'on';
-- (the tests do, to simulate tampering). They are a guard against accidents, not against a
-- database owner, who can drop them: against that, the chain itself and the logged head hash.
create function audit.reject_rewrite() returns trigger
    language plpgsql as $$
begin
    if current_setting('caravan.audit_maintenance', true) = 'on' then
        if tg_op = 'DELETE' then
            return old;
        end if;
        return new;
    end if;
    raise exception 'audit.% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'integrity_constraint_violation',
              hint = 'see docs/adr/0006-audit-hash-chain.md';
end;
$$;

create trigger entries_append_only
    before update or delete on audit.entries
    for each row execute function audit.reject_rewrite();
create trigger entries_no_truncate
    before truncate on audit.entries
    for each statement execute function audit.reject_rewrite();

-- The head only ever advances by exactly one entry.
create function audit.advance_head() returns trigger
    language plpgsql as $$
begin
    if current_setting('caravan.audit_maintenance', true) = 'on' then
        if tg_op = 'DELETE' then
            return old;
        end if;
        return new;
    end if;
    if tg_op = 'UPDATE' and new.sequence = old.sequence + 1 then
        return new;
    end if;
    raise exception 'audit.head only advances one entry at a time: % is not allowed', tg_op
        using errcode = 'integrity_constraint_violation',
              hint = 'see docs/adr/0006-audit-hash-chain.md';
end;
$$;

create trigger head_advances_only
    before insert or update or delete on audit.head
    for each row execute function audit.advance_head();
create trigger head_no_truncate
    before truncate on audit.head
    for each statement execute function audit.advance_head();
