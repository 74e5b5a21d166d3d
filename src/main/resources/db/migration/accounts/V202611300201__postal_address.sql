-- The organization's postal address as it writes it (free text, lines in its own country's order):
-- contracts name their parties with it.
alter table accounts.organizations add column postal_address text;
