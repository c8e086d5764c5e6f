package org.portico.payments.integration;

/**
 * The gateway did not answer in time, or answered with a server error: whether the request took effect is
 * unknown. Asking again with the same idempotency key is safe and tells.
 */
public class GatewayUnavailableException extends RuntimeException {

	public GatewayUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public GatewayUnavailableException(String message) {
		super(message);
	}
}
