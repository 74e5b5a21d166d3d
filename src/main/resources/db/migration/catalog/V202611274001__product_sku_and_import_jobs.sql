-- The supplier's own reference for a product: re-imports update the product it names instead of
-- adding a copy. Unique per supplier when present; deferred to the end of the transaction, so one
-- import may swap two products' references.
alter table catalog.products add column sku text check (sku is null or (length(sku) between 1 and 64));
alter table catalog.products add constraint products_supplier_sku_key unique (supplier_id, sku)
    deferrable initially deferred;

-- Bulk imports of products (tenant-owned by the importing organization). A checked file waits in
-- import_job_files until it is confirmed; the import itself is one transaction, so a job that
-- RUNNING finds no living transaction (its advisory lock free) died and wrote nothing.
create table catalog.import_jobs (
    id              uuid primary key,
    organization_id uuid        not null,
    state           text        not null check (state in ('VALIDATED', 'REJECTED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DISCARDED')),
    file_name       text,
    requested_by    text        not null,
    rows_total      integer     not null default 0 check (rows_total >= 0),
    rows_done       integer     not null default 0 check (rows_done >= 0),
    created         integer     not null default 0,
    updated         integer     not null default 0,
    unchanged       integer     not null default 0,
    published       integer     not null default 0,
    error_count     integer     not null default 0,
    failure_code    text,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
create index import_jobs_organization_idx on catalog.import_jobs (organization_id, created_at desc);
-- one running import per organization
create unique index import_jobs_one_running_idx on catalog.import_jobs (organization_id) where state = 'RUNNING';

create table catalog.import_job_errors (
    job_id      uuid    not null references catalog.import_jobs (id) on delete cascade,
    position    integer not null,
    line        integer not null,
    column_name text,
    code        text    not null,
    arguments   text    not null,
    primary key (job_id, position)
);

create table catalog.import_job_files (
    job_id          uuid  primary key references catalog.import_jobs (id) on delete cascade,
    organization_id uuid  not null,
    content         bytea not null
);
