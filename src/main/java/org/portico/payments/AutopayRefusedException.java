package org.portico.payments;

/**
 * Autopay was not turned on or off, and nothing changed: {@code no_method} (no default method on file),
 * {@code method_expired} (the default card has expired), {@code method_changed} (the default changed since
 * the page was shown), {@code already_enrolled}, {@code not_enrolled}. Pages turn {@link #code()} into
 * text ({@code payments.autopay.refused.<code>}).
 */
public class AutopayRefusedException extends RuntimeException {

	private final String code;

	public AutopayRefusedException(String code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
