package org.portico.payments;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warns about expiring saved cards once a day, with the dunning run ({@code portico.payments.dunning}), on
 * one node at a time. A day the job missed is made good by the next: what counts is whether the card was
 * warned for its expiry, not on which day.
 */
@Component
@ConditionalOnBooleanProperty(name = "portico.payments.dunning-enabled", matchIfMissing = true)
class CardExpiryWarningJob {

	private final CardExpiryWarnings warnings;

	private final Clock clock;

	CardExpiryWarningJob(CardExpiryWarnings warnings, Clock clock) {
		this.warnings = warnings;
		this.clock = clock;
	}

	@Scheduled(cron = "${portico.payments.dunning:0 15 6 * * *}", zone = "${portico.zone:America/New_York}")
	@SchedulerLock(name = "card-expiry-warnings", lockAtMostFor = "PT30M")
	void warnToday() {
		warnings.warn(LocalDate.now(clock));
	}
}
