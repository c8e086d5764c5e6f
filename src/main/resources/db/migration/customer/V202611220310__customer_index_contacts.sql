-- Module customer: registration and "forgot customer ID" find people by the email or phone on file.
create index person_email_idx on customer.person (lower(email));
create index person_phone_idx on customer.person (phone);
