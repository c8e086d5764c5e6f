package org.portico.shared;

import java.util.regex.Pattern;
import java.util.Locale;

/**
 * The short, username-like identifier a login signs in with besides its email (like Optimum's
 * “Optimum ID”): assigned as {@code C} + 8 digits, or chosen by the customer — 4 to 32 letters, digits,
 * dots, dashes or underscores, starting with a letter. Compared case-insensitively.
 */
public record CustomerId(String value) {

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{3,31}");

	public CustomerId {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException("validation.customer-id.required", "A customer ID is required");
		}
		value = value.strip();
		if (!SHAPE.matcher(value).matches()) {
			throw new InvalidValueException("validation.customer-id.invalid", "Not a customer ID");
		}
		value = value.toUpperCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return value;
	}
}
