-- Module identity: when a “forgot customer ID” message last went to a destination (login or holder and
-- where it goes, hashed), so each gets at most one per 15 minutes however often the form is sent.
create table identity.reminder_sent (
    key      char(64)     primary key,
    sent_at  timestamptz  not null
);
