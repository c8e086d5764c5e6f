package org.portico.shared.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole application, in the provider's zone ({@code portico.zone}): every business
 * date (billing day, due date, promotion end) is a {@code LocalDate} in that zone.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(@Value("${portico.zone:America/New_York}") ZoneId zone) {
		return Clock.system(zone);
	}
}
