package org.portico.billing;

import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ports other modules fill in: until they do, nothing is billed for usage and nothing is pending. */
@Configuration(proxyBeanMethods = false)
class UsageChargesConfiguration {

	@Bean
	@ConditionalOnMissingBean(UsageChargeSource.class)
	UsageChargeSource noUsageCharges() {
		return (Collection<UsageChargeSource.Period> periods) -> List.of();
	}

	/** Until a payments module provides a {@link PendingPaymentSource}, nothing is pending. */
	@Bean
	@ConditionalOnMissingBean(PendingPaymentSource.class)
	PendingPaymentSource noPendingPayments() {
		return (accounts, submittedBy) -> java.util.Map.of();
	}
}
