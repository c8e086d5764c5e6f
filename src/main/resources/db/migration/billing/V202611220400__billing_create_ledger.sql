-- Module billing: each service account's ledger, its statements and what billing has charged for each
-- subscription. Accounts (customer) and subscriptions are other modules' data: referenced by ID only.
create schema if not exists billing;

-- One row per account billing has seen: the row every posting to the account locks, so that a statement
-- sees each entry exactly once, and the account's paperless choice.
create table billing.billing_account (
    account_id            uuid        primary key,
    -- the day billing first saw the account: services before it were billed by the previous system
    enrolled_on           date        not null,
    paperless             boolean     not null default false,
    paperless_consent_at  timestamptz,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               integer     not null default 0
);

-- A statement is a document: issued once per account and cycle, never changed. Amounts in minor units of
-- its currency; lines as the customer reads them, in both languages.
create table billing.statement (
    id                       uuid        primary key,
    account_id               uuid        not null,
    account_number           varchar(20) not null,
    cycle_start              date        not null,
    -- the first day of the next cycle
    cycle_end                date        not null check (cycle_end > cycle_start),
    due_date                 date        not null,
    previous_balance_minor   bigint      not null,
    payments_credits_minor   bigint      not null,
    new_charges_minor        bigint      not null,
    taxes_minor              bigint      not null,
    amount_due_minor         bigint      not null,
    currency                 char(3)     not null,
    language                 varchar(5)  not null check (language in ('en-US', 'es-US')),
    paperless                boolean     not null,
    holder_name              varchar(130) not null,
    -- json, not jsonb: a document read back whole, never queried inside, so not worth converting
    bill_to                  json        not null,
    service_address          json        not null,
    lines                    json        not null,
    -- the last ledger entry this statement accounts for: the next one starts after it
    ledger_watermark         bigint      not null,
    created_at               timestamptz not null default now(),
    constraint statement_one_per_cycle unique (account_id, cycle_start),
    check (amount_due_minor = previous_balance_minor + payments_credits_minor + new_charges_minor + taxes_minor)
);

-- Append-only: an entry is never changed or removed; a mistake is corrected by another entry. Positive
-- amounts are owed by the customer, negative ones are in the customer's favour.
create table billing.ledger_entry (
    id               bigint      generated always as identity primary key,
    account_id       uuid        not null,
    entry_type       varchar(12) not null
                     check (entry_type in ('CHARGE', 'CREDIT', 'PAYMENT', 'REFUND', 'ADJUSTMENT', 'LATE_FEE', 'TAX')),
    amount_minor     bigint      not null,
    currency         char(3)     not null,
    effective_on     date        not null,
    description_en   varchar(200) not null,
    description_es   varchar(200) not null,
    -- the statement that posted it, or (late fee) the statement it is for
    statement_id     uuid        references billing.statement (id),
    -- the caller's reference (a payment's ID), so that a replayed posting is recorded once
    reference        varchar(64),
    posted_at        timestamptz not null default now(),
    check (entry_type not in ('PAYMENT', 'CREDIT') or amount_minor < 0),
    check (entry_type not in ('CHARGE', 'LATE_FEE', 'REFUND') or amount_minor > 0),
    check (entry_type <> 'LATE_FEE' or statement_id is not null)
);

create index ledger_entry_account_idx on billing.ledger_entry (account_id, id);
create unique index ledger_entry_late_fee_idx on billing.ledger_entry (statement_id) where entry_type = 'LATE_FEE';
create unique index ledger_entry_reference_idx on billing.ledger_entry (account_id, reference)
    where reference is not null;

create function billing.refuse_ledger_change() returns trigger language plpgsql as $$
begin
    raise exception 'billing.ledger_entry is append-only: post a correcting entry instead';
end;
$$;

create trigger ledger_entry_append_only before update or delete on billing.ledger_entry
    for each row execute function billing.refuse_ledger_change();
create trigger ledger_entry_no_truncate before truncate on billing.ledger_entry
    for each statement execute function billing.refuse_ledger_change();

-- What billing has charged each subscription up to (exclusive). Null: through the end of the account's
-- latest statement cycle, as every running service is; a date once an end, a suspension or a credit
-- stopped it earlier. Only changes are written, so a normal cycle writes nothing here.
create table billing.billed_service (
    subscription_id  uuid        primary key,
    account_id       uuid        not null,
    billed_through   date,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create index billed_service_account_idx on billing.billed_service (account_id);

-- Each statement's late-fee check, made the day after its due date: whether the fee was charged.
create table billing.late_fee_check (
    statement_id  uuid        primary key references billing.statement (id),
    checked_on    date        not null,
    charged       boolean     not null,
    created_at    timestamptz not null default now()
);
