package org.portico.shared;

/**
 * The Luhn (mod 10) check digit used on account numbers: it catches every single-digit typo and most
 * swaps of adjacent digits.
 */
public final class Luhn {

	private Luhn() {
	}

	/** The digit to append to {@code payload} so that the whole number passes {@link #isValid}. */
	public static int checkDigit(String payload) {
		int sum = 0;
		boolean doubleIt = true; // the rightmost payload digit sits next to the check digit
		for (int i = payload.length() - 1; i >= 0; i--) {
			int digit = digitAt(payload, i);
			if (doubleIt) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubleIt = !doubleIt;
		}
		return (10 - sum % 10) % 10;
	}

	public static boolean isValid(String number) {
		if (number.length() < 2) {
			return false;
		}
		int last = number.length() - 1;
		return checkDigit(number.substring(0, last)) == digitAt(number, last);
	}

	private static int digitAt(String value, int index) {
		char c = value.charAt(index);
		if (c < '0' || c > '9') {
			throw new IllegalArgumentException("Not a digit at " + index);
		}
		return c - '0';
	}
}
