-- The daily card-expiry warnings look up the cards on file by expiry month
create index payment_method_card_expiry on payments.payment_method (exp_year, exp_month)
	where kind = 'CARD' and removed_at is null;
