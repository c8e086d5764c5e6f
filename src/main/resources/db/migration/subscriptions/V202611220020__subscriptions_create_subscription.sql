-- Module subscriptions: each service account's offerings over time. Accounts (customer) and offerings
-- (catalog) are other modules' data: referenced by ID and code, without foreign keys.
create schema if not exists subscriptions;

create table subscriptions.subscription (
    id                  uuid        primary key,
    account_id          uuid        not null,
    offering_code       varchar(32) not null,
    kind                varchar(16) not null
                        check (kind in ('INTERNET', 'TV', 'TV_ADDON', 'PHONE', 'PHONE_FEATURE', 'EQUIPMENT')),
    started_on          date        not null,
    -- the first day without the service, so a change ends the old one the day the new one starts
    ended_on            date,
    promotion_code      varchar(32),
    promotion_ends_on   date,
    equipment_serial    varchar(40),
    suspended_on        date,
    replaces_id         uuid        references subscriptions.subscription (id),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             integer     not null default 0,
    check (ended_on is null or ended_on >= started_on),
    check ((promotion_code is null) = (promotion_ends_on is null)),
    check (equipment_serial is null or kind = 'EQUIPMENT')
);

create index subscription_account_idx on subscriptions.subscription (account_id);
