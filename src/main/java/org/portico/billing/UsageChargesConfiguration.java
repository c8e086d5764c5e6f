package org.portico.billing;

import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Until a usage module provides a {@link UsageChargeSource}, nothing is billed for usage. */
@Configuration(proxyBeanMethods = false)
class UsageChargesConfiguration {

	@Bean
	@ConditionalOnMissingBean(UsageChargeSource.class)
	UsageChargeSource noUsageCharges() {
		return (Collection<UsageChargeSource.Period> periods) -> List.of();
	}
}
