-- A contract's fixed renderings: revision 0 is the unsigned PDF both parties sign, each later
-- revision adds one party's signature to the one before (a PDF incremental update). Never changed.
create table trades.contract_revisions (
    trade_id             uuid        not null references trades.trades (id),
    revision             integer     not null check (revision between 0 and 2),
    party                text        check (party in ('BUYER', 'SUPPLIER')),
    pdf                  bytea       not null,
    sha256               bytea       not null check (length(sha256) = 32),
    signed_by            uuid,
    signer_name          text,
    certificate_subject  text,
    certificate_issuer   text,
    certificate_serial   text,
    created_at           timestamptz not null,
    primary key (trade_id, revision),
    unique (trade_id, party),
    check ((revision = 0) = (party is null)),
    check ((party is null) = (signed_by is null))
);

create function trades.contract_revisions_are_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'contract revisions are never changed or deleted';
end $$;

create trigger contract_revisions_immutable before update or delete on trades.contract_revisions
    for each row execute function trades.contract_revisions_are_immutable();
