package org.portico.notifications.integration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the SMS adapter named by {@code portico.sms.provider}; an unknown name stops the start-up. */
@Configuration(proxyBeanMethods = false)
class SmsGatewayConfiguration {

	@Bean
	SmsGateway smsGateway(SmsProperties properties) {
		return switch (properties.provider()) {
			case "simulator" -> new SimulatedSmsGateway();
			case "twilio" -> new TwilioSmsGateway(properties.twilio());
			default -> throw new IllegalStateException(
					"portico.sms.provider must be 'simulator' or 'twilio', was '" + properties.provider() + "'");
		};
	}
}
