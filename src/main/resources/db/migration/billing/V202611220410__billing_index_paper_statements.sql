-- Module billing: the print export reads the paper statements of one statement date in account-number
-- order, a page at a time.
create index statement_paper_idx on billing.statement (cycle_start, account_number) where not paperless;
