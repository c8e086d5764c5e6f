-- Module notifications: the outbox of every email, SMS and in-app notice, preferences and SMS consent.
create schema if not exists notifications;

create table notifications.message (
    id                uuid primary key,
    category          varchar(12)  not null check (category in
                          ('BILLING', 'PAYMENTS', 'USAGE', 'OUTAGES', 'APPOINTMENTS', 'SECURITY', 'ACCOUNT', 'OFFERS')),
    template          varchar(64)  not null,
    channel           varchar(6)   not null check (channel in ('EMAIL', 'SMS', 'IN_APP')),
    login_id          uuid,                          -- identity.login, by ID; in-app needs one
    person_id         uuid,                          -- customer.person, by ID
    address           varchar(254),                  -- email address or E.164 phone; none for in-app
    language          varchar(5)   not null,
    subject           varchar(300) not null,
    body_text         text         not null,
    body_html         text,
    contains_secret   boolean      not null default false,
    redacted          boolean      not null default false,
    urgent            boolean      not null default false,  -- exempt from SMS quiet hours (security codes)
    status            varchar(10)  not null check (status in ('PENDING', 'SENDING', 'SENT', 'DEAD', 'CANCELLED')),
    attempts          integer      not null default 0,
    next_attempt_at   timestamptz  not null default now(),
    claimed_at        timestamptz,
    last_error        varchar(300),
    provider_id       varchar(100),
    dedupe_key        varchar(200),
    created_at        timestamptz  not null default now(),
    sent_at           timestamptz,
    read_at           timestamptz,
    check ((channel = 'IN_APP') = (address is null)),
    check (channel <> 'IN_APP' or login_id is not null)
);

-- the delivery job's queue: due messages, oldest first
create index message_due_idx on notifications.message (next_attempt_at) where status = 'PENDING';
-- a notice is enqueued once per channel, however often its cause is replayed
create unique index message_dedupe_uq on notifications.message (dedupe_key, channel) where dedupe_key is not null;
-- the notification centre and its unread count
create index message_inbox_idx on notifications.message (login_id, created_at desc) where channel = 'IN_APP';
-- the demo inbox
create index message_sent_idx on notifications.message (created_at desc) where channel <> 'IN_APP';

create table notifications.preference (
    login_id    uuid        not null,
    category    varchar(12) not null,
    channel     varchar(6)  not null,
    enabled     boolean     not null,
    updated_at  timestamptz not null default now(),
    primary key (login_id, category, channel)
);

create table notifications.sms_consent (
    id           uuid primary key,
    login_id     uuid         not null,
    phone        varchar(16)  not null,
    consent_text text         not null,
    source_ip    varchar(45),
    given_at     timestamptz  not null,
    withdrawn_at timestamptz,
    withdrawn_by varchar(20)   -- 'STOP' reply or 'SETTINGS'
);

create index sms_consent_login_idx on notifications.sms_consent (login_id) where withdrawn_at is null;
create index sms_consent_phone_idx on notifications.sms_consent (phone) where withdrawn_at is null;
