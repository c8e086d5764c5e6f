-- Module identity: the append-only security log and the devices each login signed in from.
create table identity.security_event (
    id           bigint generated always as identity primary key,
    login_id     uuid,                        -- null when no login could be tied to the attempt
    type         varchar(40)  not null,
    occurred_at  timestamptz  not null,
    source_ip    varchar(45),
    user_agent   varchar(300),
    place        varchar(100),
    detail       varchar(300)
);

create index security_event_login_idx on identity.security_event (login_id, occurred_at desc);

-- append-only: the application can add events, nobody can change or remove them through it
create function identity.security_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'identity.security_event is append-only';
end;
$$;

create trigger security_event_append_only before update or delete on identity.security_event
    for each row execute function identity.security_event_is_append_only();

create table identity.known_device (
    login_id     uuid         not null references identity.login (id),
    token_hash   char(64)     not null,       -- SHA-256 of the device cookie, never the cookie itself
    first_seen   timestamptz  not null,
    last_seen    timestamptz  not null,
    user_agent   varchar(300),
    primary key (login_id, token_hash)
);
