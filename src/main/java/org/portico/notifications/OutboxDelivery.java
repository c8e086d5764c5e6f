package org.portico.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.portico.notifications.integration.SmsDeliveryException;
import org.portico.notifications.integration.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The delivery job: claims due messages from the outbox, sends them, and records each outcome at once
 * (so a crash re-sends at most the messages in flight). Failures are retried with exponential backoff
 * and dead-lettered after {@code max-attempts}; texts wait out the quiet hours. It runs on one node at a
 * time (ShedLock), and claims rows with {@code SKIP LOCKED} besides.
 */
@Component
class OutboxDelivery {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

	private final OutboxRepository outbox;

	private final PreferenceRepository consents;

	private final EmailDelivery email;

	private final SmsGateway sms;

	private final NotificationsProperties properties;

	private final Clock clock;

	private final boolean demo;

	private final Map<Channel, Counter> delivered;

	private final Map<Channel, Counter> failed;

	OutboxDelivery(OutboxRepository outbox, PreferenceRepository consents, EmailDelivery email, SmsGateway sms, NotificationsProperties properties,
			Clock clock, MeterRegistry meters, @Value("${portico.demo.enabled:false}") boolean demo) {
		this.outbox = outbox;
		this.consents = consents;
		this.email = email;
		this.sms = sms;
		this.properties = properties;
		this.clock = clock;
		this.demo = demo;
		this.delivered = Map.of(Channel.EMAIL, counter(meters, "delivered", Channel.EMAIL), Channel.SMS,
				counter(meters, "delivered", Channel.SMS));
		this.failed = Map.of(Channel.EMAIL, counter(meters, "failed", Channel.EMAIL), Channel.SMS,
				counter(meters, "failed", Channel.SMS));
	}

	@Scheduled(fixedDelayString = "${portico.notifications.poll-interval:PT1S}")
	@SchedulerLock(name = "notifications-outbox", lockAtMostFor = "PT10M")
	void deliverDue() {
		int claimed;
		do {
			claimed = deliverBatch();
		}
		while (claimed == properties.batchSize());
	}

	/** Claims and delivers one batch; returns how many messages it claimed. */
	int deliverBatch() {
		Instant now = clock.instant();
		List<OutboxMessage> batch = outbox.claimDue(properties.batchSize(), now, now.minus(properties.claimTimeout()));
		if (batch.isEmpty()) {
			return 0;
		}
		List<OutboxMessage> emails = batch.stream().filter(m -> m.channel() == Channel.EMAIL).toList();
		email.send(emails).forEach((id, outcome) -> settle(find(emails, id), outcome.sent(), null, outcome.error(),
				outcome.permanent()));
		for (OutboxMessage text : batch) {
			if (text.channel() == Channel.SMS) {
				deliverText(text);
			}
		}
		return batch.size();
	}

	private void deliverText(OutboxMessage text) {
		// A STOP (or consent withdrawn in settings) after the text was queued still stops it; a code the
		// person just asked for on that number is the exception, as when it was queued.
		if (!text.containsSecret() && !consents.hasConsent(text.address())) {
			outbox.cancel(text.id(), "No consent for texts to this number any more");
			return;
		}
		ZonedDateTime local = clock.instant().atZone(clock.getZone());
		if (!text.urgent() && inQuietHours(local.toLocalTime())) {
			outbox.postpone(text.id(), endOfQuietHours(local));
			return;
		}
		try {
			String providerId = sms.send(text.address(), text.bodyText());
			settle(text, true, providerId, null, false);
		}
		catch (SmsDeliveryException e) {
			settle(text, false, null, e.getMessage(), e.permanent());
		}
		catch (RuntimeException e) {
			// an adapter's bug must not leave the rest of the batch claimed: this text is retried, the others go on
			log.error("SMS adapter failed unexpectedly on message {}", text.id(), e);
			settle(text, false, null, "Unexpected " + e.getClass().getSimpleName(), false);
		}
	}

	private void settle(OutboxMessage message, boolean sent, String providerId, String error, boolean permanent) {
		if (sent) {
			outbox.markSent(message.id(), clock.instant(), providerId, message.containsSecret() && !demo);
			delivered.get(message.channel()).increment();
			return;
		}
		failed.get(message.channel()).increment();
		int attempts = message.attempts() + 1;
		boolean dead = permanent || attempts >= properties.maxAttempts();
		outbox.markFailed(message.id(), error == null ? "unknown error" : error,
				clock.instant().plus(properties.backoffAfter(attempts)), dead);
		if (dead) {
			log.warn("Message {} ({} {}) dead-lettered after {} attempt(s): {}", message.id(), message.channel(),
					message.template(), attempts, error);
		}
		else {
			log.info("Message {} ({}) not delivered, attempt {}: {}", message.id(), message.channel(), attempts, error);
		}
	}

	private boolean inQuietHours(LocalTime time) {
		LocalTime start = properties.quietHoursStart();
		LocalTime end = properties.quietHoursEnd();
		return start.isAfter(end) ? !time.isBefore(start) || time.isBefore(end)
				: !time.isBefore(start) && time.isBefore(end);
	}

	private Instant endOfQuietHours(ZonedDateTime now) {
		LocalDate day = now.toLocalTime().isBefore(properties.quietHoursEnd()) ? now.toLocalDate()
				: now.toLocalDate().plusDays(1);
		return day.atTime(properties.quietHoursEnd()).atZone(now.getZone()).toInstant();
	}

	private static OutboxMessage find(List<OutboxMessage> messages, UUID id) {
		return messages.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
	}

	private static Counter counter(MeterRegistry meters, String outcome, Channel channel) {
		return Counter.builder("portico.notifications." + outcome)
			.description("Messages " + outcome + " by the delivery job")
			.tag("channel", channel.name().toLowerCase())
			.register(meters);
	}
}
