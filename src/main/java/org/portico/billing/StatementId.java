package org.portico.billing;

import java.util.Objects;
import java.util.UUID;
import org.portico.shared.InvalidValueException;

/** Identifies one statement; appears in its URL. */
public record StatementId(UUID value) {

	public StatementId {
		Objects.requireNonNull(value, "value");
	}

	static StatementId random() {
		return new StatementId(UUID.randomUUID());
	}

	/**
	 * Parses the ID from a URL.
	 *
	 * @throws InvalidValueException when it is not a UUID
	 */
	public static StatementId parse(String text) {
		try {
			if (text == null || text.length() != 36) {
				throw new IllegalArgumentException("length");
			}
			return new StatementId(UUID.fromString(text));
		}
		catch (IllegalArgumentException malformed) {
			throw new InvalidValueException("billing.statement.id.invalid", "Not a statement ID");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
