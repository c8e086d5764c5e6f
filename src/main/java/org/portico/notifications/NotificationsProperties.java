package org.portico.notifications;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message delivery ({@code portico.notifications.*}).
 *
 * @param from the sender of emails, e.g. {@code Riverbend Communications <noreply@example.com>}
 * @param pollInterval how often the delivery job looks for due messages
 * @param batchSize how many messages one run of the job claims at a time
 * @param maxAttempts deliveries tried before a message is dead-lettered
 * @param initialBackoff wait after the first failure; doubled after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param claimTimeout a message claimed by a node that died is offered again after this
 * @param stuckAfter a pending message older than this counts as stuck (metrics, health)
 * @param quietHoursStart no SMS from this time (in {@code portico.zone}) ...
 * @param quietHoursEnd ... until this time, except urgent ones (security codes)
 * @param portalUrl the portal's public address, for links in messages
 */
@ConfigurationProperties("portico.notifications")
public record NotificationsProperties(
		@DefaultValue("Riverbend Communications <noreply@example.com>") String from,
		@DefaultValue("PT1S") Duration pollInterval,
		@DefaultValue("200") int batchSize,
		@DefaultValue("8") int maxAttempts,
		@DefaultValue("PT30S") Duration initialBackoff,
		@DefaultValue("PT1H") Duration maxBackoff,
		@DefaultValue("PT5M") Duration claimTimeout,
		@DefaultValue("PT15M") Duration stuckAfter,
		@DefaultValue("21:00") LocalTime quietHoursStart,
		@DefaultValue("08:00") LocalTime quietHoursEnd,
		@DefaultValue("http://localhost:8080") String portalUrl) {

	/** Wait before attempt {@code attempts + 1}, after {@code attempts} failures. */
	public Duration backoffAfter(int attempts) {
		Duration wait = initialBackoff;
		for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}
}
