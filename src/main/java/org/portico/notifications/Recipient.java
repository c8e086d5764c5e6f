package org.portico.notifications;

import org.portico.customer.PersonId;
import org.portico.identity.LoginId;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;

/**
 * Who a message is for: a login (its preferences apply; in-app notices need one), a customer (their
 * login's preferences if they have one), or a bare address (a new email to verify, say), which gets
 * exactly that channel.
 */
public sealed interface Recipient {

	record Login(LoginId login) implements Recipient {
	}

	record Customer(PersonId person) implements Recipient {
	}

	record Email(EmailAddress address, Language language) implements Recipient {
	}

	record Phone(PhoneNumber number, Language language) implements Recipient {
	}
}
