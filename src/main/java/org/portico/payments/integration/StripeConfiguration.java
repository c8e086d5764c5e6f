package org.portico.payments.integration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Stripe adapter, when {@code portico.payments.gateway=stripe}. Its settings are checked here, so a
 * missing or misplaced key stops the start-up with a message naming the property.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portico.payments.gateway", havingValue = "stripe")
class StripeConfiguration {

	@Bean
	PaymentGateway stripeGateway(StripeProperties properties) {
		return new StripeGateway(properties);
	}
}
