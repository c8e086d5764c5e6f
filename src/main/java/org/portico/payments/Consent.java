package org.portico.payments;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Consent as the customer gave it (DECISIONS.md): the exact words shown, and the address it came from.
 * The time is recorded when it is stored.
 */
public record Consent(String text, @Nullable String sourceAddress) {

	public Consent {
		Objects.requireNonNull(text, "text");
		if (text.isBlank() || text.length() > 4000) {
			throw new IllegalArgumentException("Consent text is 1 to 4000 characters");
		}
		if (sourceAddress != null && sourceAddress.length() > 45) {
			sourceAddress = sourceAddress.substring(0, 45);
		}
	}

	/** What the consent was given for. */
	public enum Kind {
		CARD_ON_FILE, BANK_DEBIT, ONE_TIME_BANK_DEBIT, AUTOPAY
	}
}
