package org.portico.notifications.integration;

/**
 * The port to an SMS provider. Adapters: {@link SimulatedSmsGateway} (the default) and
 * {@link TwilioSmsGateway}; {@code portico.sms.provider} picks one.
 */
public interface SmsGateway {

	/**
	 * Sends one text.
	 *
	 * @param to the number in E.164 form
	 * @return the provider's ID of the message
	 * @throws SmsDeliveryException when the provider refused it ({@link SmsDeliveryException#permanent()}
	 *     when retrying cannot help) or could not be reached
	 */
	String send(String to, String body);
}
