-- Hibernate Search's outbox-polling coordination (hibernate-search-mapper-orm-outbox-polling 8.2):
-- a listing change writes an event here in its own transaction; the event processor indexes it
-- after commit and deletes the event, so a crash between commit and indexing loses nothing.
-- Columns as Hibernate Search maps them (see SearchConfiguration), through Spring's snake_case naming.
create table catalog.hsearch_outbox_event (
    id             uuid                     not null primary key,
    entity_name    varchar(256)             not null,
    entity_id      varchar(256)             not null,
    entity_id_hash integer                  not null,
    payload        bytea                    not null,
    retries        integer                  not null,
    process_after  timestamp(6) with time zone not null,
    status         varchar(255)             not null check (status in ('PENDING', 'ABORTED'))
);
create index hsearch_outbox_event_entity_id_hash_idx on catalog.hsearch_outbox_event (entity_id_hash);
create index hsearch_outbox_event_status_idx on catalog.hsearch_outbox_event (status);
create index hsearch_outbox_event_process_after_idx on catalog.hsearch_outbox_event (process_after);

-- The nodes that process events or rebuild the index, and how they share the work.
create table catalog.hsearch_agent (
    id                   uuid                     not null primary key,
    type                 varchar(255)             not null check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING',
                                                                          'EVENT_PROCESSING_STATIC_SHARDING',
                                                                          'MASS_INDEXING')),
    name                 varchar(255)             not null,
    expiration           timestamp(6) with time zone not null,
    state                varchar(255)             not null check (state in ('RUNNING', 'WAITING', 'SUSPENDED')),
    total_shard_count    integer,
    assigned_shard_index integer,
    payload              bytea
);
