-- One "contract signed" notice per trade: a redelivered ContractSigned sends nothing twice.
create table trades.signed_notices (
    trade_id  uuid        primary key references trades.trades (id),
    sent_at   timestamptz not null
);
