package org.portico.payments.integration;

/**
 * The gateway definitely refused a request and nothing happened: a tampered, used or expired token, a
 * method that is no longer there, a bank account it will not accept. The message names the reason in
 * plain words for the log; {@link #code()} is a stable code pages turn into text.
 */
public class GatewayRejectedException extends RuntimeException {

	private final String code;

	public GatewayRejectedException(String code, String message) {
		super(message);
		this.code = code;
	}

	/** {@code token_invalid}, {@code method_missing}, {@code routing_number_invalid}, {@code card_declined}, … */
	public String code() {
		return code;
	}
}
