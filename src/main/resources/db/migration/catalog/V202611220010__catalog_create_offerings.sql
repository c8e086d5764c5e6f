-- Module catalog: the provider's offerings, their kind-specific details and promotions.
create schema if not exists catalog;

-- Amounts in an offering's detail tables are in the offering's currency (an offering is priced in one).
create table catalog.offering (
    code                  varchar(32)  primary key check (code ~ '^[A-Z0-9-]{2,32}$'),
    kind                  varchar(16)  not null
                          check (kind in ('INTERNET', 'TV', 'TV_ADDON', 'PHONE', 'PHONE_FEATURE', 'EQUIPMENT')),
    name_en               varchar(80)  not null,
    name_es               varchar(80)  not null,
    description_en        varchar(240) not null,
    description_es        varchar(240) not null,
    -- for TV the all-in price (base + fees), denormalised so that lists can be ordered by price
    monthly_price_minor   bigint       not null check (monthly_price_minor >= 0),
    currency              char(3)      not null,
    active                boolean      not null default true,
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    version               integer      not null default 0
);

create index offering_kind_price_idx on catalog.offering (kind, monthly_price_minor) where active;

create table catalog.internet_tier (
    offering_code                varchar(32)  primary key references catalog.offering (code),
    download_mbps                integer      not null check (download_mbps > 0),
    upload_mbps                  integer      not null check (upload_mbps > 0),
    typical_download_mbps        integer      not null check (typical_download_mbps > 0),
    typical_upload_mbps          integer      not null check (typical_upload_mbps > 0),
    typical_latency_ms           integer      not null check (typical_latency_ms > 0),
    data_cap_gb                  integer      check (data_cap_gb > 0),
    overage_block_gb             integer      check (overage_block_gb > 0),
    overage_block_price_minor    bigint       check (overage_block_price_minor >= 0),
    contract_months              smallint     not null check (contract_months between 0 and 60),
    early_termination_fee_minor  bigint       check (early_termination_fee_minor >= 0),
    taxes_en                     varchar(120) not null,
    taxes_es                     varchar(120) not null,
    fcc_plan_id                  varchar(26)  not null unique check (fcc_plan_id ~ '^F[0-9]{10}[A-Za-z0-9]{1,15}$'),
    created_at                   timestamptz  not null default now(),
    updated_at                   timestamptz  not null default now(),
    -- a data cap comes with its overage block, and unlimited data has none
    check ((data_cap_gb is null) = (overage_block_gb is null)
       and (overage_block_gb is null) = (overage_block_price_minor is null)),
    check ((contract_months = 0) = (early_termination_fee_minor is null))
);

-- The broadband label's provider fees, in the order the label lists them.
create table catalog.internet_fee (
    offering_code   varchar(32) not null references catalog.internet_tier (offering_code),
    recurrence      varchar(8)  not null check (recurrence in ('MONTHLY', 'ONE_TIME')),
    position        smallint    not null,
    name_en         varchar(80) not null,
    name_es         varchar(80) not null,
    amount_minor    bigint      not null check (amount_minor >= 0),
    created_at      timestamptz not null default now(),
    primary key (offering_code, recurrence, position)
);

create table catalog.tv_package (
    offering_code              varchar(32) primary key references catalog.offering (code),
    channel_count              integer     not null check (channel_count > 0),
    base_price_minor           bigint      not null check (base_price_minor >= 0),
    broadcast_tv_fee_minor     bigint      not null check (broadcast_tv_fee_minor >= 0),
    regional_sports_fee_minor  bigint      not null check (regional_sports_fee_minor >= 0),
    created_at                 timestamptz not null default now(),
    updated_at                 timestamptz not null default now()
);

create table catalog.phone_plan (
    offering_code              varchar(32) primary key references catalog.offering (code),
    nationwide_minutes         integer     check (nationwide_minutes > 0),
    canada_mexico_included     boolean     not null,
    created_at                 timestamptz not null default now(),
    updated_at                 timestamptz not null default now()
);

create table catalog.equipment (
    offering_code   varchar(32) primary key references catalog.offering (code),
    serves          varchar(16) not null check (serves in ('INTERNET', 'TV', 'PHONE')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table catalog.promotion (
    code                     varchar(32) primary key check (code ~ '^[A-Z0-9-]{2,32}$'),
    offering_code            varchar(32) not null references catalog.offering (code),
    name_en                  varchar(80) not null,
    name_es                  varchar(80) not null,
    monthly_discount_minor   bigint      not null check (monthly_discount_minor > 0),
    currency                 char(3)     not null,
    ends_on                  date,
    duration_months          smallint    check (duration_months between 1 and 60),
    introductory             boolean     not null default false,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    version                  integer     not null default 0,
    check ((ends_on is null) <> (duration_months is null)),
    check (not introductory or duration_months is not null)
);

create index promotion_offering_idx on catalog.promotion (offering_code);
-- a broadband label shows one introductory rate
create unique index promotion_introductory_idx on catalog.promotion (offering_code) where introductory;
