package org.portico.catalog;

import java.util.regex.Pattern;
import java.util.Locale;
import org.portico.shared.InvalidValueException;

/**
 * Names a promotion, e.g. {@code NEW-CUSTOMER-500}: 2 to 32 capital letters, digits or dashes, like an
 * offering code. Lower-case input is accepted and capitalised, since people type promotion codes.
 */
public record PromotionCode(String value) {

	private static final Pattern SHAPE = Pattern.compile("[A-Z0-9-]{2,32}");

	public PromotionCode {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException("validation.promotion-code.required", "A promotion code is required");
		}
		value = value.strip().toUpperCase(Locale.ROOT);
		if (!SHAPE.matcher(value).matches()) {
			throw new InvalidValueException("validation.promotion-code.invalid", "Not a promotion code");
		}
	}

	public static PromotionCode of(String value) {
		return new PromotionCode(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
