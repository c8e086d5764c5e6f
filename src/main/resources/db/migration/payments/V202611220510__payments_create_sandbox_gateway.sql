-- The built-in sandbox gateway's own books: it plays the payment processor, so its state is what a
-- processor would keep, in tables only it touches. No card or bank account number is kept here either:
-- a token remembers how the test card or account will behave (its scenario), its brand and last four.
create table payments.sandbox_token (
	token_hash bytea primary key,
	kind text not null check (kind in ('CARD', 'BANK_ACCOUNT')),
	scenario text not null,
	last4 char(4) not null,
	brand text,
	exp_month smallint,
	exp_year smallint,
	bank_name text,
	routing_number char(9),
	account_type text,
	holder_name text,
	created_at timestamptz not null,
	expires_at timestamptz not null,
	used_at timestamptz
);

create table payments.sandbox_method (
	reference text primary key,
	customer text not null,
	kind text not null,
	scenario text not null,
	last4 char(4) not null,
	brand text,
	exp_month smallint,
	exp_year smallint,
	bank_name text,
	routing_number char(9),
	account_type text,
	holder_name text,
	created_at timestamptz not null,
	detached_at timestamptz
);

create table payments.sandbox_charge (
	reference text primary key,
	idempotency_key text not null unique,
	-- what the key was first used for: the same key with another amount or source is refused
	request_fingerprint text not null,
	method_reference text,
	kind text not null,
	scenario text not null,
	last4 char(4) not null,
	brand text,
	amount_minor bigint not null,
	currency char(3) not null,
	description text not null,
	payment_reference text not null,
	status text not null check (status in ('SUCCEEDED', 'PROCESSING', 'DECLINED', 'FAILED')),
	decline_reason text,
	-- a processing charge becomes final_status at final_at
	final_status text,
	final_decline_reason text,
	final_at timestamptz,
	refunded_minor bigint not null default 0,
	created_at timestamptz not null
);

create table payments.sandbox_refund (
	reference text primary key,
	charge_reference text not null references payments.sandbox_charge (reference),
	idempotency_key text not null unique,
	amount_minor bigint not null check (amount_minor > 0),
	created_at timestamptz not null
);
