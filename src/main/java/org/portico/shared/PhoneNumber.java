package org.portico.shared;

import java.util.regex.Pattern;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * A telephone number, validated with libphonenumber and kept in E.164 form ({@code +12125551234}).
 * Input without a country code is read as a US number.
 */
public record PhoneNumber(String e164) {

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	public PhoneNumber {
		if (e164 == null || !E164.matcher(e164).matches()) {
			throw new InvalidValueException("validation.phone.invalid", "Not an E.164 phone number");
		}
	}

	/** Parses what a person typed: “(212) 555-0123”, “212.555.0123”, “+1 212 555 0123”. */
	public static PhoneNumber parse(String input) {
		if (input == null || input.isBlank()) {
			throw new InvalidValueException("validation.phone.required", "A phone number is required");
		}
		if (input.length() > 40) {
			throw new InvalidValueException("validation.phone.invalid", "Too long for a phone number");
		}
		try {
			var parsed = UTIL.parse(input.strip(), "US");
			if (!UTIL.isValidNumber(parsed)) {
				throw new InvalidValueException("validation.phone.invalid", "Not a valid phone number");
			}
			return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
		}
		catch (NumberParseException e) {
			throw new InvalidValueException("validation.phone.invalid", "Not a phone number");
		}
	}

	/** National format for US numbers (“(212) 555-0123”), international otherwise. */
	public String display() {
		try {
			var parsed = UTIL.parse(e164, "US");
			return parsed.getCountryCode() == 1 ? UTIL.format(parsed, PhoneNumberFormat.NATIONAL)
					: UTIL.format(parsed, PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException e) {
			return e164;
		}
	}

	/** Only the last two digits, e.g. {@code (•••) •••-••23}, for screens that must not reveal the number. */
	public String masked() {
		return "(•••) •••-••" + e164.substring(e164.length() - 2);
	}

	@Override
	public String toString() {
		return masked();
	}
}
