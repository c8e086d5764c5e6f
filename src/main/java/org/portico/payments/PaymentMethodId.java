package org.portico.payments;

import java.util.Objects;
import java.util.UUID;
import org.portico.shared.InvalidValueException;

/** Identifies a saved payment method; appears in forms. */
public record PaymentMethodId(UUID value) {

	public PaymentMethodId {
		Objects.requireNonNull(value, "value");
	}

	static PaymentMethodId random() {
		return new PaymentMethodId(UUID.randomUUID());
	}

	/**
	 * Parses the ID from a form.
	 *
	 * @throws InvalidValueException when it is not a UUID
	 */
	public static PaymentMethodId parse(String text) {
		try {
			if (text == null || text.length() != 36) {
				throw new IllegalArgumentException("length");
			}
			return new PaymentMethodId(UUID.fromString(text));
		}
		catch (IllegalArgumentException malformed) {
			throw new InvalidValueException("payments.method.id.invalid", "Not a payment method ID");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
