package org.portico.shared;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A US postal address: street lines, city, the two-letter USPS state or territory code and a ZIP or
 * ZIP+4 code.
 */
public record PostalAddress(String line1, String line2, String city, String state, String zip) {

	private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");

	private static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL",
			"GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
			"NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX",
			"UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP");

	public PostalAddress {
		line1 = required(line1, "validation.address.line1");
		line2 = line2 == null || line2.isBlank() ? null : line2.strip();
		city = required(city, "validation.address.city");
		if (line2 != null && line2.length() > 100) {
			throw new InvalidValueException("validation.address.line2", "Address line 2 is too long");
		}
		state = state == null ? "" : state.strip().toUpperCase(java.util.Locale.ROOT);
		if (!STATES.contains(state)) {
			throw new InvalidValueException("validation.address.state", "Not a US state code");
		}
		zip = zip == null ? "" : zip.strip();
		if (!ZIP.matcher(zip).matches()) {
			throw new InvalidValueException("validation.address.zip", "Not a ZIP or ZIP+4 code");
		}
	}

	public String zip5() {
		return zip.substring(0, 5);
	}

	/** One line, for lists: “12 Main St, Apt 4, Springfield, IL 62704”. */
	public String singleLine() {
		return line1 + (line2 == null ? "" : ", " + line2) + ", " + city + ", " + state + " " + zip;
	}

	private static String required(String value, String key) {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException(key + ".required", "Required");
		}
		if (value.strip().length() > 100) {
			throw new InvalidValueException(key + ".too-long", "Too long");
		}
		return value.strip();
	}
}
