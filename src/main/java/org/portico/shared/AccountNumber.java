package org.portico.shared;

import java.util.regex.Pattern;

/**
 * A service account's number as printed on the bill. Holds the digits only; whether they are a valid
 * number for this provider (length, check digit) is the customer module's {@code AccountNumberFormat}'s
 * call, because the format is configurable.
 */
public record AccountNumber(String digits) {

	private static final Pattern DIGITS = Pattern.compile("\\d{6,20}");

	public AccountNumber {
		if (digits == null || !DIGITS.matcher(digits).matches()) {
			throw new InvalidValueException("validation.account-number.invalid", "Not an account number");
		}
	}

	/** Accepts what people type: spaces and dashes between the digits are ignored. */
	public static AccountNumber parse(String input) {
		if (input == null || input.isBlank()) {
			throw new InvalidValueException("validation.account-number.required", "An account number is required");
		}
		if (input.length() > 40) {
			throw new InvalidValueException("validation.account-number.invalid", "Not an account number");
		}
		return new AccountNumber(input.replaceAll("[\\s-]", ""));
	}

	/** Groups of four as on the bill: {@code 1234 5678 9012}. */
	public String display() {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && i % 4 == 0) {
				out.append(' ');
			}
			out.append(digits.charAt(i));
		}
		return out.toString();
	}

	@Override
	public String toString() {
		return display();
	}
}
