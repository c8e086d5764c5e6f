package org.portico.payments.integration;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox gateway unless {@code portico.payments.gateway} names another. */
@Configuration(proxyBeanMethods = false)
class PaymentGatewayConfiguration {

	@Bean
	@ConditionalOnProperty(name = "portico.payments.gateway", havingValue = "sandbox", matchIfMissing = true)
	SandboxGateway sandboxGateway(JdbcClient jdbc, TransactionTemplate transactions, SandboxProperties properties,
			Clock clock) {
		return new SandboxGateway(jdbc, transactions, properties, clock);
	}
}
