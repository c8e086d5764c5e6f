-- Module identity: one-time codes and links (registration, password recovery, email and phone changes).
-- DECISIONS.md "Security mechanics": our own table, stored as SHA-256 hashes, single purpose, single use,
-- expiring; at most 3 issued per 15 minutes and 10 per day per account and purpose.
create table identity.verification (
    id            uuid         primary key,
    purpose       varchar(32)  not null,
    -- what issuance limits count by: the service account or login the code is about
    subject       varchar(64)  not null,
    login_id      uuid         references identity.login (id) on delete cascade,
    person_id     uuid,
    channel       varchar(8)   not null check (channel in ('EMAIL', 'SMS')),
    -- SHA-256 of the code or link token; of the token in the browser that asked (a code or link only works there)
    secret_hash   char(64)     not null,
    browser_hash  char(64)     not null,
    -- what the verification is for beyond its subject (a new email or phone), never a secret
    payload       varchar(320),
    attempts      integer      not null default 0,
    created_at    timestamptz  not null,
    expires_at    timestamptz  not null,
    used_at       timestamptz
);
create index verification_issued on identity.verification (purpose, subject, created_at);
create unique index verification_secret on identity.verification (secret_hash);

-- Secrets the server keeps for itself (the key that makes masked contacts for details that match nothing
-- look the same on every node and every try). Created on first use.
create table identity.server_key (
    name   varchar(32)  primary key,
    value  bytea        not null
);
