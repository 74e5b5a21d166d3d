-- Spring Modulith's event publication registry (JPA). Events handed between modules are
-- stored here in the same transaction as the change that caused them, so a crash after
-- commit never loses one; incomplete publications are resubmitted at start-up.
create table event_publication (
    id                     uuid primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer     not null default 0,
    last_resubmission_date timestamptz
);
create index event_publication_incomplete_idx on event_publication (publication_date) where completion_date is null;

create table event_publication_archive (
    id                     uuid primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer     not null default 0,
    last_resubmission_date timestamptz
);
