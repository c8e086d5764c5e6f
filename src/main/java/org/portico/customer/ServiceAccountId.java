package org.portico.customer;

import java.util.Objects;
import java.util.UUID;
import org.portico.shared.InvalidValueException;

/** Identifies a service account; random, so that one account's ID says nothing about another's. */
public record ServiceAccountId(UUID value) {

	public ServiceAccountId {
		Objects.requireNonNull(value, "value");
	}

	public static ServiceAccountId parse(String text) {
		try {
			return new ServiceAccountId(UUID.fromString(text));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new InvalidValueException("validation.account.unknown", "Not a service account ID");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
