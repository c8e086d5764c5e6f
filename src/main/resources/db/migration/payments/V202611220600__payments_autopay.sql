-- Autopay (issue 8): one row per account that has ever enrolled. The charge uses the account's default
-- method at charge time; method_id is the default it was enrolled with (what the consent named).
create table payments.autopay (
	account_id uuid primary key,
	method_id uuid not null,
	enrolled_by uuid not null,
	enrolled_at timestamptz not null,
	-- the business date (portico.zone) of the enrolment: autopay pays statements due after it
	enrolled_on date not null,
	cancelled_at timestamptz,
	cancelled_by uuid,
	version integer not null default 0
);
create index autopay_enrolled on payments.autopay (account_id) where cancelled_at is null;

-- Each autopay charge of a statement: the due date's (1) and two retries (2, 3). The row is claimed before
-- the charge and the payment's idempotency key is autopay-<statement>-<attempt>, so an attempt is charged
-- once across nodes, retries and restarts.
create table payments.autopay_attempt (
	statement_id uuid not null,
	attempt smallint not null check (attempt between 1 and 3),
	account_id uuid not null,
	-- the statement's due date, from which the retries are counted
	due_on date not null,
	scheduled_on date not null,
	charged_on date not null,
	payment_id uuid,
	amount_minor bigint,
	currency char(3),
	-- CHARGING: claimed, the charge not yet answered; PROCESSING: a bank debit waiting to settle
	outcome text not null check (outcome in ('CHARGING', 'PROCESSING', 'PAID', 'DECLINED', 'SKIPPED')),
	failure_reason text,
	-- when a declined attempt is tried again (null after the last)
	next_attempt_on date,
	created_at timestamptz not null,
	decided_at timestamptz,
	version integer not null default 0,
	primary key (statement_id, attempt)
);
create index autopay_attempt_account on payments.autopay_attempt (account_id, statement_id);
create index autopay_attempt_open on payments.autopay_attempt (statement_id) where outcome in ('CHARGING', 'PROCESSING');

-- The reminder three days before a due date: once per statement
create table payments.autopay_reminder (
	statement_id uuid primary key,
	account_id uuid not null,
	due_on date not null,
	sent_at timestamptz not null
);
