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
 * Runs dunning for today (in {@code portico.zone}) on the schedule {@code portico.payments.dunning} (hourly
 * at :20 by default, so that a node that was down catches up within the hour; each reminder still goes out
 * once), on one node at a time. A run after downtime catches up: each account gets the latest reminder due,
 * or its suspension.
 */
@Component
@ConditionalOnBooleanProperty(name = "portico.payments.dunning-enabled", matchIfMissing = true)
class DunningJob {

	private static final Logger log = LoggerFactory.getLogger(DunningJob.class);

	private final Dunning dunning;

	private final Clock clock;

	DunningJob(Dunning dunning, Clock clock) {
		this.dunning = dunning;
		this.clock = clock;
	}

	@Scheduled(cron = "${portico.payments.dunning:0 20 * * * *}", zone = "${portico.zone:America/New_York}")
	@SchedulerLock(name = "dunning", lockAtMostFor = "PT2H")
	void runToday() {
		Dunning.RunResult result = dunning.run(LocalDate.now(clock));
		log.info("Dunning: {} accounts checked, {} reminders, {} suspended, {} restored", result.checked(),
				result.reminders(), result.suspensions(), result.restorations());
	}
}
