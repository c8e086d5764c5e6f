package org.portico.payments.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The Stripe adapter is a bean only when {@code portico.payments.gateway=stripe}, and then refuses to start
 * without its key. A bare application context (no Boot application, no database), built per test.
 */
class StripeConfigurationTests {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(StripeProperties.class)
	static class Settings {
	}

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, StripeConfiguration.class);

	@Test
	void isTheGatewayWhenChosen() {
		context
			.withPropertyValues("portico.payments.gateway=stripe", "portico.payments.stripe.secret-key=sk_test_123",
					"portico.payments.stripe.publishable-key=pk_test_123")
			.run(started -> assertThat(started).getBean(PaymentGateway.class).isInstanceOf(StripeGateway.class));
	}

	@Test
	void isAbsentOtherwise() {
		context.run(started -> assertThat(started).doesNotHaveBean(PaymentGateway.class));
		context.withPropertyValues("portico.payments.gateway=sandbox")
			.run(started -> assertThat(started).doesNotHaveBean(PaymentGateway.class));
	}

	@Test
	void stopsTheStartWithoutASecretKey() {
		context.withPropertyValues("portico.payments.gateway=stripe", "portico.payments.stripe.publishable-key=pk_test_1")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("portico.payments.stripe.secret-key"));
	}
}
