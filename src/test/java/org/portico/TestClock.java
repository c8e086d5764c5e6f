package org.portico;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system clock in {@code portico.zone}, until a test fixes it to a
 * moment (quiet hours at night, a due date); {@link #reset()} returns it to real time. Tests run one at a
 * time, so a test that fixes the clock resets it when it is done.
 */
public final class TestClock extends Clock {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	private static volatile Instant fixed;

	public static void fixAt(ZonedDateTime moment) {
		fixed = moment.toInstant();
	}

	public static void reset() {
		fixed = null;
	}

	/** Today at {@code hour}:{@code minute} in the provider's zone. */
	public static ZonedDateTime todayAt(int hour, int minute) {
		return ZonedDateTime.now(ZONE).withHour(hour).withMinute(minute).withSecond(0).withNano(0);
	}

	@Override
	public ZoneId getZone() {
		return ZONE;
	}

	/** The same (possibly fixed) time seen from another zone: not the system clock, which would ignore {@link #fixAt}. */
	@Override
	public Clock withZone(ZoneId zone) {
		if (zone.equals(ZONE)) {
			return this;
		}
		TestClock time = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return time.withZone(other);
			}

			@Override
			public Instant instant() {
				return time.instant();
			}
		};
	}

	@Override
	public Instant instant() {
		Instant moment = fixed;
		return moment != null ? moment : Instant.now();
	}

	/** Registers the test clock as the application's clock. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		Clock testClock() {
			return new TestClock();
		}
	}
}
