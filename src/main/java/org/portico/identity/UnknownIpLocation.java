package org.portico.identity;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default {@link IpLocation}: no database configured, so no place is known. */
@Configuration(proxyBeanMethods = false)
class UnknownIpLocation {

	@Bean
	@ConditionalOnMissingBean(IpLocation.class)
	IpLocation ipLocation() {
		return ip -> Optional.empty();
	}
}
