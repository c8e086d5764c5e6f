-- Payments (issue 7). Card and bank details live at the gateway: a method here is the gateway's
-- reference plus what is needed to show it (brand, last four, expiry; a bank's name and routing number).
create schema if not exists payments;

create table payments.gateway_customer (
	account_id uuid not null,
	gateway text not null,
	reference text not null,
	created_at timestamptz not null default now(),
	primary key (account_id, gateway)
);

create table payments.payment_method (
	id uuid primary key,
	account_id uuid not null,
	kind text not null check (kind in ('CARD', 'BANK_ACCOUNT')),
	gateway text not null,
	gateway_customer text not null,
	gateway_reference text not null,
	last4 char(4) not null check (last4 ~ '^[0-9]{4}$'),
	brand text,
	exp_month smallint check (exp_month between 1 and 12),
	exp_year smallint,
	bank_name text,
	routing_number char(9),
	account_type text check (account_type in ('checking', 'savings')),
	holder_name text,
	is_default boolean not null default false,
	added_by uuid not null,
	created_at timestamptz not null,
	removed_at timestamptz,
	-- the expiry (year * 100 + month) a warning went out for, so it goes out once per card
	expiry_warned_for integer,
	version integer not null default 0,
	check (kind <> 'CARD' or (brand is not null and exp_month is not null and exp_year is not null)),
	check (kind <> 'BANK_ACCOUNT' or (routing_number is not null and account_type is not null))
);
create index payment_method_account on payments.payment_method (account_id) where removed_at is null;
create unique index payment_method_one_default on payments.payment_method (account_id)
	where is_default and removed_at is null;
create unique index payment_method_gateway_reference on payments.payment_method (gateway, gateway_reference);

-- Consent as given (DECISIONS.md): the words shown, when, from where
create table payments.consent (
	id uuid primary key,
	account_id uuid not null,
	login_id uuid not null,
	kind text not null check (kind in ('CARD_ON_FILE', 'BANK_DEBIT', 'ONE_TIME_BANK_DEBIT', 'AUTOPAY')),
	text text not null,
	payment_method_id uuid,
	payment_id uuid,
	given_at timestamptz not null,
	source_address text
);
create index consent_account on payments.consent (account_id, given_at desc);

create table payments.payment (
	id uuid primary key,
	account_id uuid not null,
	receipt_number text not null unique,
	-- one payment per form: a double click, a retry or a second node finds the first
	idempotency_key text not null unique,
	amount_minor bigint not null check (amount_minor > 0),
	currency char(3) not null,
	method_id uuid,
	method_kind text not null check (method_kind in ('CARD', 'BANK_ACCOUNT')),
	method_brand text,
	method_last4 char(4),
	gateway text not null,
	-- what was charged at the gateway: asking again with the same idempotency key needs it
	gateway_customer text not null,
	gateway_method text not null,
	-- a card entered for this payment only: saved at the gateway to charge it, detached once final
	one_time boolean not null default false,
	gateway_reference text,
	status text not null check (status in ('PROCESSING', 'SETTLED', 'FAILED', 'REFUNDED')),
	failure_reason text,
	submitted_by uuid,
	submitted_at timestamptz not null,
	-- the business date (portico.zone) the payment counts from: the ledger's effective date
	submitted_on date not null,
	settled_at timestamptz,
	failed_at timestamptz,
	refunded_minor bigint not null default 0 check (refunded_minor >= 0 and refunded_minor <= amount_minor),
	refunded_at timestamptz,
	next_check_at timestamptz,
	check_attempts integer not null default 0,
	version integer not null default 0
);
create index payment_account on payments.payment (account_id, submitted_at desc);
create index payment_to_reconcile on payments.payment (next_check_at) where status = 'PROCESSING';
