-- Module identity: password recovery and "forgot customer ID" find a login by its phone.
create index login_phone_idx on identity.login (phone);
