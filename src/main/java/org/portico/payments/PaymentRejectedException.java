package org.portico.payments;

/**
 * A payment Portico will not submit, with nothing moved: the amount out of bounds or malformed, a method
 * not on file, a card token the gateway refused. {@link #code()} is stable and pages turn it into text
 * ({@code payments.error.<code>}).
 */
public class PaymentRejectedException extends RuntimeException {

	private final String code;

	public PaymentRejectedException(String code, String message) {
		super(message);
		this.code = code;
	}

	/** {@code amount_below_minimum}, {@code amount_above_maximum}, {@code method_missing}, {@code token_invalid}, … */
	public String code() {
		return code;
	}
}
