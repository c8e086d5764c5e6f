-- Module customer: people and the service accounts they hold.
create schema if not exists customer;

create table customer.person (
    id          uuid primary key,
    first_name  varchar(60)  not null,
    last_name   varchar(60)  not null,
    email       varchar(254) not null,
    phone       varchar(16),
    language    varchar(5)   not null check (language in ('en-US', 'es-US')),
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    version     integer      not null default 0
);

create sequence customer.account_number_seq start with 1;

create table customer.service_account (
    id                    uuid primary key,
    account_number        varchar(20)  not null unique,
    holder_id             uuid         not null references customer.person (id),
    status                varchar(10)  not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    billing_day           smallint     not null check (billing_day between 1 and 28),
    service_line1         varchar(100) not null,
    service_line2         varchar(100),
    service_city          varchar(100) not null,
    service_state         char(2)      not null,
    service_zip           varchar(10)  not null,
    billing_line1         varchar(100),
    billing_line2         varchar(100),
    billing_city          varchar(100),
    billing_state         char(2),
    billing_zip           varchar(10),
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    version               integer      not null default 0,
    -- a separate billing address is all there or not there at all
    check ((billing_line1 is null) = (billing_city is null)
       and (billing_city is null) = (billing_state is null)
       and (billing_state is null) = (billing_zip is null))
);

create index service_account_holder_idx on customer.service_account (holder_id);
-- registration and "forgot customer ID" look an account up by number and ZIP
create index service_account_zip_idx on customer.service_account (left(service_zip, 5));
