package org.portico.catalog;

import org.portico.shared.InvalidValueException;
import org.portico.shared.Language;

/**
 * A catalogue text in both languages Portico speaks. Offer names and descriptions are the provider's
 * marketing copy, not interface labels, so they live with the offer rather than in the message bundles.
 */
public record LocalizedText(String en, String es) {

	public LocalizedText {
		en = required(en);
		es = required(es);
	}

	public static LocalizedText of(String en, String es) {
		return new LocalizedText(en, es);
	}

	public String in(Language language) {
		return language == Language.ES_US ? es : en;
	}

	/** Guards a column width: both languages must fit in {@code maxLength} characters. */
	LocalizedText requireAtMost(int maxLength, String messageKey) {
		if (en.length() > maxLength || es.length() > maxLength) {
			throw new InvalidValueException(messageKey, "Longer than " + maxLength + " characters");
		}
		return this;
	}

	private static String required(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidValueException("validation.catalog.text.required", "Both languages are required");
		}
		return text.strip();
	}
}
