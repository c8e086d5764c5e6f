-- The dashboard's read model: one row per service account, (re)computed from the other modules' façades when
-- their events say something on it changed, so that the home page reads one row instead of asking each module.
-- Dates are stored, not verdicts: "past due" and "due in N days" are worked out when the page is shown.
create schema if not exists dashboard;

create table dashboard.account_overview (
    account_id   uuid primary key,
    -- the tiles: account, amount due, latest statement and what changed, payments, past due, services
    overview     jsonb       not null,
    -- autopay, kept apart: its events update it without recomputing the rest
    autopay      jsonb,
    version      bigint      not null default 1,
    refreshed_at timestamptz not null,
    created_at   timestamptz not null default now()
);
