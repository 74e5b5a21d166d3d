-- Sourcing: requests for quotation, negotiations (one per RFQ and supplier), their immutable
-- offers, the timeline of each negotiation, attachments and read marks. A negotiation belongs to
-- two organizations (buyer_id, supplier_id); every query names the caller's organization as one
-- of them, so these tables carry no single tenant column.
create schema if not exists sourcing;

create sequence sourcing.rfq_numbers;

create table sourcing.rfqs (
    id             uuid primary key,
    reference      text        not null unique,
    buyer_id       uuid        not null,
    created_by     uuid,
    audience       text        not null check (audience in ('DIRECT', 'PUBLISHED')),
    status         text        not null check (status in ('OPEN', 'CLOSED', 'WITHDRAWN')),
    terms          jsonb       not null,
    title          text        not null,
    hs_chapter     text        not null,
    reply_deadline timestamptz not null,
    created_at     timestamptz not null,
    version        bigint      not null
);
create index rfqs_buyer_idx on sourcing.rfqs (buyer_id, created_at desc, id desc);
-- the per-buyer daily limit counts a buyer's RFQs of the last day
create index rfqs_buyer_created_idx on sourcing.rfqs (buyer_id, created_at);

create table sourcing.negotiations (
    id                uuid primary key,
    rfq_id            uuid        not null references sourcing.rfqs (id),
    buyer_id          uuid        not null,
    supplier_id       uuid        not null,
    state             text        not null check (state in ('OPEN', 'QUOTED', 'COUNTERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
    offer_count       integer     not null default 0,
    latest_offer_by   text check (latest_offer_by in ('BUYER', 'SUPPLIER')),
    latest_valid_until date,
    accepted_offer    integer,
    closed_by         text check (closed_by in ('BUYER', 'SUPPLIER')),
    closed_at         timestamptz,
    reply_deadline    timestamptz not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null,
    unique (rfq_id, supplier_id),
    check (buyer_id <> supplier_id),
    -- an accepted negotiation names the accepted offer, and nothing else does
    check ((state = 'ACCEPTED') = (accepted_offer is not null))
);
create index negotiations_buyer_idx on sourcing.negotiations (buyer_id, updated_at desc, id desc);
create index negotiations_supplier_idx on sourcing.negotiations (supplier_id, updated_at desc, id desc);
create index negotiations_live_idx on sourcing.negotiations (latest_valid_until) where state in ('QUOTED', 'COUNTERED');
create index negotiations_open_idx on sourcing.negotiations (reply_deadline) where state = 'OPEN';

create table sourcing.offers (
    negotiation_id uuid        not null references sourcing.negotiations (id),
    number         integer     not null check (number > 0),
    made_by        text        not null check (made_by in ('BUYER', 'SUPPLIER')),
    made_by_user   uuid,
    made_by_name   text        not null,
    terms          jsonb       not null,
    valid_until    date        not null,
    created_at     timestamptz not null,
    primary key (negotiation_id, number)
);

-- An offer is a term sheet both sides rely on: once made it is never changed or removed.
create function sourcing.offers_are_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'offers are immutable (negotiation %, offer %)', old.negotiation_id, old.number
        using errcode = 'integrity_constraint_violation';
end
$$;
create trigger offers_immutable before update or delete on sourcing.offers
    for each row execute function sourcing.offers_are_immutable();

-- Everything that happened in a negotiation, in order: messages, offers, acceptance, ...
create table sourcing.timeline (
    seq            bigserial primary key,
    id             uuid        not null unique,
    negotiation_id uuid        not null references sourcing.negotiations (id),
    kind           text        not null check (kind in ('REQUESTED', 'MESSAGE', 'OFFER', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')),
    author_party   text check (author_party in ('BUYER', 'SUPPLIER')),
    author_user    uuid,
    author_name    text,
    body           text,
    offer_number   integer,
    created_at     timestamptz not null
);
create index timeline_negotiation_idx on sourcing.timeline (negotiation_id, seq);

create table sourcing.attachments (
    id             uuid primary key,
    rfq_id         uuid references sourcing.rfqs (id),
    negotiation_id uuid references sourcing.negotiations (id),
    timeline_id    uuid references sourcing.timeline (id),
    owner_id       uuid        not null,
    file_name      text        not null,
    content_type   text        not null,
    size_bytes     bigint      not null,
    sha256         text        not null,
    content        bytea       not null,
    created_at     timestamptz not null,
    check (rfq_id is not null or negotiation_id is not null)
);
create index attachments_rfq_idx on sourcing.attachments (rfq_id);
create index attachments_negotiation_idx on sourcing.attachments (negotiation_id);

-- How far each person has read each negotiation.
create table sourcing.read_marks (
    user_id        uuid   not null,
    negotiation_id uuid   not null references sourcing.negotiations (id),
    read_up_to     bigint not null default 0,
    primary key (user_id, negotiation_id)
);

-- Up to which timeline entry the e-mail digest for people who were not online has been sent.
create table sourcing.digest_watermark (
    id     integer primary key check (id = 1),
    up_to  bigint  not null
);
insert into sourcing.digest_watermark (id, up_to) values (1, 0);

-- Accepted offers whose parties have been told by e-mail: makes that listener idempotent, so a
-- redelivered OfferAccepted (after a crash) sends nothing twice.
create table sourcing.acceptance_notices (
    negotiation_id uuid        primary key references sourcing.negotiations (id),
    sent_at        timestamptz not null
);
