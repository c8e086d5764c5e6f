package org.portico.billing;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the billing run through today (in {@code portico.zone}) on the schedule {@code portico.billing.run}
 * (hourly by default), on one node at a time. Each run catches up whatever earlier runs missed, so a node
 * that was down, or a run that failed half-way, is made good by the next.
 */
@Component
@ConditionalOnBooleanProperty(name = "portico.billing.run-enabled", matchIfMissing = true)
class BillingRunJob {

	private final BillingRun run;

	private final Clock clock;

	BillingRunJob(BillingRun run, Clock clock) {
		this.run = run;
		this.clock = clock;
	}

	@Scheduled(cron = "${portico.billing.run:0 5 * * * *}", zone = "${portico.zone:America/New_York}")
	@SchedulerLock(name = "billing-run", lockAtMostFor = "PT2H")
	void runThroughToday() {
		run.runThrough(LocalDate.now(clock));
	}
}
