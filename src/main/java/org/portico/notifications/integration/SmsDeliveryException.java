package org.portico.notifications.integration;

/**
 * The SMS provider did not take a message. Permanent failures (an invalid or unreachable number) are
 * dead-lettered at once; others (provider errors, timeouts, rate limits) are retried.
 */
public class SmsDeliveryException extends RuntimeException {

	private final boolean permanent;

	public SmsDeliveryException(String message, boolean permanent) {
		super(message);
		this.permanent = permanent;
	}

	public boolean permanent() {
		return permanent;
	}
}
