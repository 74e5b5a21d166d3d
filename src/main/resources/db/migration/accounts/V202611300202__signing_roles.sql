-- Roles, besides OWNER and ADMIN, whose members may sign contracts for the organization (granted by an owner).
alter table accounts.organizations add column signing_roles text[] not null default '{}'
    check (signing_roles <@ array['TRADER', 'FINANCE']);
