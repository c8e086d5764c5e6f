package org.portico.billing;

import java.util.Objects;
import java.util.UUID;
import org.portico.shared.InvalidValueException;

/** Identifies one statement; appears in its URL. */
public record StatementId(UUID value) {

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	public StatementId {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * A new ID, time-ordered like a version 7 UUID (RFC 9562: milliseconds since the epoch, then random
	 * bits): statements issued together sit together in the primary key's index, so a run of 100,000 adds
	 * to its end rather than touching pages all over it.
	 */
	static StatementId random() {
		long millis = System.currentTimeMillis();
		long random = RANDOM.nextLong();
		long most = (millis << 16) | 0x7000L | (random & 0x0FFFL);
		long least = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new StatementId(new UUID(most, least));
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
