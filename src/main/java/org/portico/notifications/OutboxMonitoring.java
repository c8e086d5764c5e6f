package org.portico.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * What an operator watches: messages stuck in the outbox (pending longer than {@code stuck-after}) and
 * dead-lettered ones, as gauges and as the {@code notifications} health component, which reads
 * {@code DEGRADED} while any exist (readiness does not include it: a node with stuck mail still serves).
 */
@Component("notificationsHealthIndicator")
class OutboxMonitoring implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Messages are stuck or dead-lettered");

	private final OutboxRepository outbox;

	private final NotificationsProperties properties;

	private final Clock clock;

	OutboxMonitoring(OutboxRepository outbox, NotificationsProperties properties, Clock clock, MeterRegistry meters) {
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("portico.notifications.stuck", this, OutboxMonitoring::stuck)
			.description("Messages pending longer than portico.notifications.stuck-after")
			.register(meters);
		Gauge.builder("portico.notifications.dead", outbox, OutboxRepository::countDead)
			.description("Messages dead-lettered after their last attempt")
			.register(meters);
		Gauge.builder("portico.notifications.pending", outbox, OutboxRepository::countPending)
			.description("Messages waiting for delivery")
			.register(meters);
	}

	long stuck() {
		return outbox.countStuck(clock.instant().minus(properties.stuckAfter()));
	}

	@Override
	public Health health() {
		long stuck = stuck();
		long dead = outbox.countDead();
		return Health.status(stuck + dead > 0 ? DEGRADED : Status.UP)
			.withDetail("stuck", stuck)
			.withDetail("dead", dead)
			.build();
	}
}
