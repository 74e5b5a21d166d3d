create schema if not exists catalog;

-- A supplier's products (tenant-owned: supplier_id is the organization).
create table catalog.products (
    id                        uuid primary key,
    supplier_id               uuid        not null,
    status                    text        not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    hs_code                   text        not null,
    default_locale            text        not null,
    unit_of_measure           text        not null,
    minimum_order_quantity    bigint      not null check (minimum_order_quantity > 0),
    currency                  text        not null check (currency ~ '^[A-Z]{3}$'),
    lead_time_days            integer     not null check (lead_time_days >= 0),
    origin_country            text        not null check (origin_country ~ '^[A-Z]{2}$'),
    port_of_loading           text,
    units_per_carton          integer,
    carton_length_mm          integer,
    carton_width_mm           integer,
    carton_height_mm          integer,
    carton_gross_weight_grams integer,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    published_at              timestamptz,
    version                   bigint      not null default 0
);
create index products_supplier_updated_idx on catalog.products (supplier_id, updated_at desc, id desc);

create table catalog.product_texts (
    product_id  uuid not null references catalog.products (id) on delete cascade,
    locale      text not null,
    title       text not null,
    description text,
    primary key (product_id, locale)
);
create table catalog.product_specifications (
    product_id uuid    not null references catalog.products (id) on delete cascade,
    position   integer not null,
    name       text    not null,
    value      text    not null,
    primary key (product_id, position)
);
create table catalog.product_price_tiers (
    product_id       uuid   not null references catalog.products (id) on delete cascade,
    min_quantity     bigint not null check (min_quantity > 0),
    unit_price_minor bigint not null check (unit_price_minor > 0),
    primary key (product_id, min_quantity)
);
create table catalog.product_certifications (
    product_id     uuid    not null references catalog.products (id) on delete cascade,
    position       integer not null,
    kind           text    not null,
    name           text,
    certificate_id uuid,
    primary key (product_id, position)
);
create table catalog.product_images (
    product_id uuid    not null references catalog.products (id) on delete cascade,
    position   integer not null,
    media_id   uuid    not null,
    primary key (product_id, position)
);

-- The public copy of published products: what search and public pages read (not tenant-owned).
create table catalog.listings (
    id                        uuid primary key,
    supplier_id               uuid        not null,
    supplier_name             text        not null,
    supplier_country          text        not null,
    hs_code                   text        not null,
    hs_chapter                text        not null,
    hs_section                text        not null,
    default_locale            text        not null,
    unit_of_measure           text        not null,
    minimum_order_quantity    bigint      not null,
    currency                  text        not null,
    lowest_price_minor        bigint      not null,
    lowest_price_eur_cents    bigint,
    lead_time_days            integer     not null,
    origin_country            text        not null,
    port_of_loading           text,
    units_per_carton          integer,
    carton_length_mm          integer,
    carton_width_mm           integer,
    carton_height_mm          integer,
    carton_gross_weight_grams integer,
    published_at              timestamptz not null,
    updated_at                timestamptz not null,
    product_version           bigint      not null
);
create index listings_supplier_idx on catalog.listings (supplier_id, updated_at desc, id);
create index listings_updated_idx on catalog.listings (updated_at desc, id);

create table catalog.listing_texts (
    listing_id  uuid not null references catalog.listings (id) on delete cascade,
    locale      text not null,
    title       text not null,
    description text,
    primary key (listing_id, locale)
);
create table catalog.listing_specifications (
    listing_id uuid    not null references catalog.listings (id) on delete cascade,
    position   integer not null,
    name       text    not null,
    value      text    not null,
    primary key (listing_id, position)
);
create table catalog.listing_price_tiers (
    listing_id       uuid   not null references catalog.listings (id) on delete cascade,
    min_quantity     bigint not null,
    unit_price_minor bigint not null,
    primary key (listing_id, min_quantity)
);
create table catalog.listing_certifications (
    listing_id uuid    not null references catalog.listings (id) on delete cascade,
    position   integer not null,
    kind       text    not null,
    name       text,
    primary key (listing_id, position)
);
create table catalog.listing_images (
    listing_id uuid    not null references catalog.listings (id) on delete cascade,
    position   integer not null,
    media_id   uuid    not null,
    primary key (listing_id, position)
);

-- Buyers' shortlists: one per organization, shared by its members (tenant-owned).
create table catalog.shortlist_items (
    id              uuid primary key,
    organization_id uuid        not null,
    product_id      uuid        not null,
    added_by        uuid,
    added_at        timestamptz not null,
    unique (organization_id, product_id)
);
create index shortlist_items_organization_idx on catalog.shortlist_items (organization_id, added_at desc, id desc);
