-- The law chosen at acceptance to govern the contract (trades opened before the choice: CISG with
-- the seller's law, what their contracts say).
alter table trades.trades add column governing_law text not null default 'CISG_SELLER'
    check (governing_law in ('CISG_SELLER', 'CISG_BUYER', 'SELLER_LAW', 'BUYER_LAW'));
alter table trades.trades alter column governing_law drop default;
