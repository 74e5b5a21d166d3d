-- Trades: one per accepted offer (negotiation), owned by its buyer and its supplier together.
create schema if not exists trades;

create sequence trades.reference_numbers;

create table trades.trades (
    id              uuid        primary key,
    reference       text        not null unique,
    negotiation_id  uuid        not null unique,
    rfq_reference   text        not null,
    offer_number    integer     not null check (offer_number > 0),
    buyer_id        uuid        not null,
    supplier_id     uuid        not null,
    offered_by      text        not null check (offered_by in ('BUYER', 'SUPPLIER')),
    state           text        not null check (state in ('CONTRACT_PENDING', 'CONTRACT_SIGNED')),
    currency        text        not null check (currency ~ '^[A-Z]{3}$'),
    total_minor     bigint      not null check (total_minor >= 0),
    incoterm        text        not null,
    place           text        not null,
    lead_time_days  integer     not null,
    packaging       text,
    payment_terms   text        not null,
    documents       text[]      not null,
    notes           text,
    accepted_at     timestamptz not null,
    created_at      timestamptz not null,
    check (buyer_id <> supplier_id)
);
create index trades_of_buyer on trades.trades (buyer_id, created_at desc, id desc);
create index trades_of_supplier on trades.trades (supplier_id, created_at desc, id desc);

-- the agreed lines, as accepted: never changed
create table trades.lines (
    trade_id          uuid     not null references trades.trades (id),
    line_number       integer  not null check (line_number > 0),
    description       text     not null,
    hs_code           text     not null,
    quantity          numeric  not null check (quantity > 0),
    unit              text     not null,
    unit_price_minor  bigint   not null check (unit_price_minor >= 0),
    amount_minor      bigint   not null check (amount_minor >= 0),
    primary key (trade_id, line_number)
);

-- everything that happened to a trade, in order
create table trades.timeline (
    seq       bigserial   primary key,
    trade_id  uuid        not null references trades.trades (id),
    kind      text        not null,
    party     text check (party in ('BUYER', 'SUPPLIER')),
    at        timestamptz not null
);
create index timeline_of_trade on trades.timeline (trade_id, seq);
