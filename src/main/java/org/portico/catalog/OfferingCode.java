package org.portico.catalog;

import java.util.regex.Pattern;
import java.util.Locale;
import org.portico.shared.InvalidValueException;

/**
 * Names an offering in the catalogue, e.g. {@code INTERNET-500}: 2 to 32 capital letters, digits or
 * dashes. Other modules store it to refer to an offering; lower-case input is accepted and capitalised.
 */
public record OfferingCode(String value) {

	private static final Pattern SHAPE = Pattern.compile("[A-Z0-9-]{2,32}");

	public OfferingCode {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException("validation.offering-code.required", "An offering code is required");
		}
		value = value.strip().toUpperCase(Locale.ROOT);
		if (!SHAPE.matcher(value).matches()) {
			throw new InvalidValueException("validation.offering-code.invalid", "Not an offering code");
		}
	}

	public static OfferingCode of(String value) {
		return new OfferingCode(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
