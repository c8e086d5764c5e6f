-- Module billing: every paperless choice made online, with the E-SIGN consent shown when turning it on
-- (DECISIONS.md: consent recorded with its text, time and source address). Kept, never changed.
create table billing.paperless_choice (
    id              bigint       generated always as identity primary key,
    account_id      uuid         not null,
    paperless       boolean      not null,
    consent_text    varchar(2000),
    -- the login that chose (identity's ID; no foreign key across modules)
    chosen_by       uuid         not null,
    source_address  varchar(45),
    chosen_at       timestamptz  not null default now(),
    check (not paperless or consent_text is not null)
);

create index paperless_choice_account_idx on billing.paperless_choice (account_id, chosen_at);
