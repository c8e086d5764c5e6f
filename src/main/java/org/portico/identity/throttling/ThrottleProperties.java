package org.portico.identity.throttling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code portico.identity.throttle.*}); the defaults are DECISIONS.md's. A provider
 * may tighten them (or, behind a shared office proxy, loosen the per-source limit).
 *
 * @param freeFailures failures of one login from one source before refusals start (then 2^(n−free) s)
 * @param maxRefusal the longest such refusal
 * @param forgetAfter consecutive failures of a login and source older than this no longer count
 * @param loginFailures failures of one login across sources within {@code loginWindow} that lock it
 * @param loginWindow the window {@code loginFailures} are counted in
 * @param loginLock how long such a lock lasts
 * @param sourceFailures failures from one source across logins within {@code sourceWindow} that refuse it
 * @param sourceWindow the window {@code sourceFailures} are counted in
 * @param sourceRefusal how long the source is refused
 */
@ConfigurationProperties("portico.identity.throttle")
public record ThrottleProperties(@DefaultValue("5") int freeFailures, @DefaultValue("PT15M") Duration maxRefusal,
		@DefaultValue("PT24H") Duration forgetAfter, @DefaultValue("100") int loginFailures,
		@DefaultValue("PT24H") Duration loginWindow, @DefaultValue("PT1H") Duration loginLock,
		@DefaultValue("50") int sourceFailures, @DefaultValue("PT1H") Duration sourceWindow,
		@DefaultValue("PT15M") Duration sourceRefusal) {

	public ThrottleProperties {
		if (freeFailures < 1 || loginFailures < 1 || sourceFailures < 1) {
			throw new IllegalArgumentException("portico.identity.throttle failure counts must be at least 1");
		}
		for (Duration duration : new Duration[] { maxRefusal, forgetAfter, loginWindow, loginLock, sourceWindow,
				sourceRefusal }) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("portico.identity.throttle durations must be positive");
			}
		}
	}
}
