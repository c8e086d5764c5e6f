package org.portico.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies a login. */
public record LoginId(UUID value) {

	public LoginId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
