-- Module identity: logins, their grants to service accounts, and HTTP sessions.
create schema if not exists identity;

create table identity.login (
    id             uuid primary key,
    person_id      uuid         not null,          -- customer.person, by ID (no cross-module FK)
    email          varchar(254) not null,
    customer_id    varchar(32)  not null,
    password_hash  varchar(200) not null,
    phone          varchar(16),
    enabled        boolean      not null default true,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    version        integer      not null default 0
);

-- sign-in accepts either identifier, case-insensitively
create unique index login_email_uq on identity.login (lower(email));
create unique index login_customer_id_uq on identity.login (upper(customer_id));
create index login_person_idx on identity.login (person_id);

create table identity.account_grant (
    login_id            uuid        not null references identity.login (id),
    service_account_id  uuid        not null,      -- customer.service_account, by ID
    role                varchar(8)  not null check (role in ('OWNER', 'MANAGER', 'VIEWER')),
    created_at          timestamptz not null default now(),
    primary key (login_id, service_account_id)
);

create index account_grant_account_idx on identity.account_grant (service_account_id);
-- an account has at most one owner login
create unique index account_grant_one_owner_uq on identity.account_grant (service_account_id) where role = 'OWNER';

-- Spring Session JDBC (schema from spring-session-jdbc's schema-postgresql.sql, in our schema)
create table identity.spring_session (
    primary_id             char(36)     not null,
    session_id             char(36)     not null,
    creation_time          bigint       not null,
    last_access_time       bigint       not null,
    max_inactive_interval  int          not null,
    expiry_time            bigint       not null,
    principal_name         varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on identity.spring_session (session_id);
create index spring_session_ix2 on identity.spring_session (expiry_time);
create index spring_session_ix3 on identity.spring_session (principal_name);

create table identity.spring_session_attributes (
    session_primary_id  char(36)     not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references identity.spring_session (primary_id) on delete cascade
);
