package org.portico.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as people type it, trimmed, with the domain lower-cased. Deliberately pragmatic: one
 * {@code @}, a dotted domain, no spaces, at most 254 characters (RFC 5321's path limit).
 */
public record EmailAddress(String value) {

	private static final Pattern SHAPE = Pattern.compile(
			"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

	public EmailAddress {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException("validation.email.required", "An email address is required");
		}
		value = value.strip();
		if (value.length() > 254 || !SHAPE.matcher(value).matches() || value.contains("..")) {
			throw new InvalidValueException("validation.email.invalid", "Not an email address");
		}
		int at = value.lastIndexOf('@');
		value = value.substring(0, at) + value.substring(at).toLowerCase(Locale.ROOT);
	}

	public static boolean looksLikeEmail(String input) {
		return input != null && input.contains("@");
	}

	/** The address with most of the local part hidden, e.g. {@code a••••@example.com}, for screens and logs. */
	public String masked() {
		int at = value.indexOf('@');
		return value.charAt(0) + "••••" + value.substring(at);
	}

	@Override
	public String toString() {
		return masked();
	}
}
