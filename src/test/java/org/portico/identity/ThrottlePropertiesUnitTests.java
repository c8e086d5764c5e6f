package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portico.identity.throttling.ThrottleProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The throttle limits default to DECISIONS.md's and can be set; nonsense limits stop the start. */
class ThrottlePropertiesUnitTests {

	@Test
	void defaultsAreTheDecidedLimits() {
		ThrottleProperties limits = bind(Map.of());

		assertThat(limits.freeFailures()).isEqualTo(5);
		assertThat(limits.maxRefusal()).isEqualTo(Duration.ofMinutes(15));
		assertThat(limits.loginFailures()).isEqualTo(100);
		assertThat(limits.loginWindow()).isEqualTo(Duration.ofHours(24));
		assertThat(limits.loginLock()).isEqualTo(Duration.ofHours(1));
		assertThat(limits.sourceFailures()).isEqualTo(50);
		assertThat(limits.sourceWindow()).isEqualTo(Duration.ofHours(1));
		assertThat(limits.sourceRefusal()).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void limitsCanBeConfigured() {
		ThrottleProperties limits = bind(Map.of("portico.identity.throttle.source-failures", "500",
				"portico.identity.throttle.login-lock", "PT2H"));

		assertThat(limits.sourceFailures()).isEqualTo(500);
		assertThat(limits.loginLock()).isEqualTo(Duration.ofHours(2));
	}

	@Test
	void refusesNonsenseLimits() {
		assertThatThrownBy(() -> bind(Map.of("portico.identity.throttle.free-failures", "0")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("at least 1");
		assertThatThrownBy(() -> bind(Map.of("portico.identity.throttle.source-refusal", "PT0S")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("must be positive");
	}

	private static ThrottleProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("portico.identity.throttle",
				ThrottleProperties.class);
	}
}
