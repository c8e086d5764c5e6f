package org.portico.identity;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.portico.customer.PersonId;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;

/**
 * What identity needs to tell people directly: codes, links and notices about their login (registration,
 * recovery, contact changes). The notifications module implements it (it depends on identity, not the
 * other way round); events are not used because codes and links must never travel in events.
 */
public interface SecurityMessages {

	/**
	 * Sends a message from template {@code templates/notifications/<template>.*} now (through the outbox).
	 *
	 * @param secret the message holds a code or link: its body is redacted once delivered
	 * @param dedupeKey sent once per key, however often asked (null: always)
	 */
	void send(Destination to, String template, Map<String, Object> parameters, boolean secret,
			@Nullable String dedupeKey);

	/** Where a message goes. */
	sealed interface Destination {
	}

	/** Exactly this email address (a new one to verify, the contact on file). */
	record ToEmail(EmailAddress address, Language language) implements Destination {
	}

	/** Exactly this phone, by text (a code the person just asked for needs no prior consent). */
	record ToPhone(PhoneNumber number, Language language) implements Destination {
	}

	/** The customer's address of record (FCC CPNI notices). */
	record ToCustomer(PersonId person) implements Destination {
	}
}
