-- Reference data: HS 2022, UN/LOCODE, ISO 3166 countries, ISO 4217 currencies, ECB euro
-- reference rates. Filled from the files bundled under reference-data/ by ReferenceDataLoader
-- (one transaction per dataset); requests only read. See docs/adr/0005-reference-data-loading.md.
create schema if not exists reference;

-- Trigram indexes for type-ahead over ~115,000 location names. pg_trgm ships with PostgreSQL's
-- contrib modules (in the embedded server's binaries and in Debian's postgresql-15) and is a
-- trusted extension, so the database owner may create it.
create extension if not exists pg_trgm;

-- What was loaded, from which bundle: a dataset is reloaded when its checksum changes.
create table reference.dataset (
    name        text primary key,
    checksum    text        not null,
    row_count   integer     not null check (row_count >= 0),
    loaded_at   timestamptz not null,
    load_millis integer     not null check (load_millis >= 0)
);

-- ISO 3166-1 countries with UN M49 regions (datasets/country-codes).
create table reference.country (
    code                     text primary key check (code ~ '^[A-Z]{2}$'),
    alpha3                   text    not null check (alpha3 ~ '^[A-Z]{3}$'),
    numeric_code             text    not null check (numeric_code ~ '^[0-9]{3}$'),
    name                     text    not null,
    official_name            text,
    name_zh                  text,
    region_code              integer,
    region_name              text,
    sub_region_code          integer,
    sub_region_name          text,
    intermediate_region_code integer,
    intermediate_region_name text,
    currencies               text[]  not null,
    capital                  text,
    continent                text,
    independent              boolean not null,
    least_developed          boolean not null,
    landlocked_developing    boolean not null,
    small_island_developing  boolean not null
);

-- ISO 4217 currencies, current and withdrawn (datasets/currency-codes); one row per alphabetic code.
create table reference.currency (
    code         text primary key check (code ~ '^[A-Z]{3}$'),
    numeric_code text check (numeric_code ~ '^[0-9]{3}$'),
    name         text    not null,
    minor_units  smallint check (minor_units between 0 and 9),
    withdrawn    text
);

-- HS 2022 nomenclature: sections (I-XXI), chapters (2 digits), headings (4), subheadings (6).
-- sort_key orders the whole tree depth-first (section, then code), so keyset pages follow it.
create table reference.hs_entry (
    code          text collate "C" primary key,
    level         text not null check (level in ('SECTION', 'CHAPTER', 'HEADING', 'SUBHEADING')),
    parent        text collate "C",
    section       text collate "C" not null,
    description   text not null,
    sort_key      text collate "C" not null unique,
    search_vector tsvector generated always as (to_tsvector('english', description)) stored
);
create index hs_entry_search on reference.hs_entry using gin (search_vector);
create index hs_entry_parent on reference.hs_entry (parent);

-- UN/LOCODE locations with at least one transport function. name_key and search_text are
-- lower-case ASCII folds (accents removed) of the name and of every name variant.
create table reference.location (
    unlocode          text collate "C" primary key check (unlocode ~ '^[A-Z]{2}[A-Z0-9]{3}$'),
    country           text    not null check (country ~ '^[A-Z]{2}$'),
    name              text    not null,
    alternative_names text[]  not null,
    name_key          text collate "C" not null,
    search_text       text    not null,
    subdivision       text,
    status            text,
    function_code     text    not null check (function_code ~ '^[0-9A-Z-]{8}$'),
    is_port           boolean not null,
    is_rail           boolean not null,
    is_road           boolean not null,
    is_airport        boolean not null,
    is_postal         boolean not null,
    is_multimodal     boolean not null,
    is_fixed          boolean not null,
    is_border         boolean not null,
    iata              text,
    latitude          numeric(9, 6) check (latitude between -90 and 90),
    longitude         numeric(9, 6) check (longitude between -180 and 180)
);
create index location_search_text on reference.location using gin (search_text gin_trgm_ops);
create index location_name_key on reference.location (name_key, unlocode);
create index location_country on reference.location (country, name_key);

-- ISO 3166-2 subdivisions as UN/LOCODE uses them (datasets/un-locode).
create table reference.subdivision (
    country text not null check (country ~ '^[A-Z]{2}$'),
    code    text not null,
    name    text not null,
    type    text,
    primary key (country, code)
);

-- ECB euro foreign exchange reference rates, one row per publication day as the ECB publishes
-- them: {"USD": 1.0870, "JPY": 160.12, ...} in units of each currency per 1 EUR; a currency the
-- ECB did not quote that day is absent. (One row per day rather than per currency and day keeps
-- the first-start load at 7,000 rows instead of 218,000.)
create table reference.ecb_publication (
    day   date primary key,
    rates jsonb not null check (jsonb_typeof(rates) = 'object')
);

-- Each currency's series: the first and last publication day that quotes it.
create table reference.ecb_series (
    currency  text primary key check (currency ~ '^[A-Z]{3}$'),
    first_day date not null,
    last_day  date not null check (last_day >= first_day)
);
