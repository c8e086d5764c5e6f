package org.portico.payments;

import java.util.Objects;
import java.util.UUID;

/** Identifies a payment (customers see its receipt number instead). */
public record PaymentId(UUID value) {

	public PaymentId {
		Objects.requireNonNull(value, "value");
	}

	static PaymentId random() {
		return new PaymentId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
