package org.portico.payments;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs autopay for today (in {@code portico.zone}) on the schedule {@code portico.payments.autopay.run}
 * (hourly at :40 by default), on one node at a time: reminders due, charges due on the due date and the
 * retry days. A run after downtime catches up: a charge missed on an earlier day is made once, now.
 */
@Component
@ConditionalOnBooleanProperty(name = "portico.payments.autopay.enabled", matchIfMissing = true)
class AutopayJob {

	private static final Logger log = LoggerFactory.getLogger(AutopayJob.class);

	private final Autopay autopay;

	private final Clock clock;

	AutopayJob(Autopay autopay, Clock clock) {
		this.autopay = autopay;
		this.clock = clock;
	}

	@Scheduled(cron = "${portico.payments.autopay.run:0 40 * * * *}", zone = "${portico.zone:America/New_York}")
	@SchedulerLock(name = "autopay", lockAtMostFor = "PT2H")
	void runToday() {
		Autopay.RunResult result = autopay.run(LocalDate.now(clock));
		log.info("Autopay: {} accounts checked, {} reminders, {} charged, {} declined", result.checked(),
				result.reminders(), result.charged(), result.declined());
	}
}
