-- Dunning (issue 7): where each account that has been past due stands in the current run of unpaid
-- statements, so that each reminder goes out once, a suspension happens once, and only a suspension made
-- by dunning is lifted by dunning.
create table payments.dunning (
	account_id uuid primary key,
	-- the first day past due of the current run of unpaid statements; null while the account is not past due
	past_due_since date,
	-- the reminder day (days past due) of the latest reminder sent in the current run, and when
	last_reminder_day integer,
	last_reminder_on date,
	-- set while the account is suspended by dunning (a suspension for another reason is not recorded here)
	suspended_on date,
	restored_on date,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	version integer not null default 0
);
-- the accounts the daily run re-checks besides those billing reports past due (paid since, to restore)
create index dunning_open on payments.dunning (account_id) where past_due_since is not null or suspended_on is not null;

-- Refunds of settled payments, made by an operator. The idempotency key (payment and sequence) is what the
-- gateway sees: a command retried after a crash asks for the same refund, never a second one.
create table payments.refund (
	id uuid primary key,
	payment_id uuid not null references payments.payment (id),
	sequence integer not null check (sequence > 0),
	amount_minor bigint not null check (amount_minor > 0),
	currency char(3) not null,
	reason text not null check (length(reason) between 1 and 500),
	operator text not null check (length(operator) between 1 and 100),
	idempotency_key text not null unique,
	gateway_reference text not null,
	-- false while the gateway has accepted the refund but not yet returned the money
	gateway_succeeded boolean not null,
	created_at timestamptz not null,
	unique (payment_id, sequence)
);
