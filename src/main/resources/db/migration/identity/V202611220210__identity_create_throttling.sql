-- Module identity: sign-in throttling state, shared by every node (DECISIONS.md "Security mechanics").
-- Counters are only ever changed by INSERT ... ON CONFLICT DO UPDATE with the arithmetic in SQL, so two
-- nodes recording failures at once cannot lose a count. Only failures are counted.
-- A "subject" is the SHA-256 of the login's ID when the identifier names a login, else of the normalised
-- identifier: unknown identifiers are throttled exactly like known ones, and no email is stored in clear.

-- per login (or identifier) and source address: consecutive failures, reset by a successful sign-in
create table identity.throttle_subject_source (
    subject          char(64)     not null,
    source_ip        varchar(45)  not null,
    failures         integer      not null,
    last_failure_at  timestamptz  not null,
    refused_until    timestamptz,
    primary key (subject, source_ip)
);

-- per login (or identifier) across sources: failures in a 24-hour window; 100 lock it for an hour
create table identity.throttle_subject (
    subject          char(64)     primary key,
    window_start     timestamptz  not null,
    failures         integer      not null,
    refused_until    timestamptz
);

-- per source address across logins: failures in a one-hour window; 50 refuse the source for 15 minutes
create table identity.throttle_source (
    source_ip        varchar(45)  primary key,
    window_start     timestamptz  not null,
    failures         integer      not null,
    refused_until    timestamptz
);
