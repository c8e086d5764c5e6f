package org.portico.customer;

import java.util.Objects;
import java.util.UUID;

/** Identifies a customer, the person (an account holder or a household member). */
public record PersonId(UUID value) {

	public PersonId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
