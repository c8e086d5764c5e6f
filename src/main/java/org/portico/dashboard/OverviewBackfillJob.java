package org.portico.dashboard;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the backfill on the schedule {@code portico.dashboard.backfill} (hourly at :45 by default), on one
 * node at a time. Once every account has its row a run only reads the account IDs a page at a time.
 */
@Component
@ConditionalOnBooleanProperty(name = "portico.dashboard.backfill-enabled", matchIfMissing = true)
class OverviewBackfillJob {

	private static final Logger log = LoggerFactory.getLogger(OverviewBackfillJob.class);

	private final OverviewBackfill backfill;

	OverviewBackfillJob(OverviewBackfill backfill) {
		this.backfill = backfill;
	}

	@Scheduled(cron = "${portico.dashboard.backfill:0 45 * * * *}", zone = "${portico.zone:America/New_York}")
	@SchedulerLock(name = "dashboard-backfill", lockAtMostFor = "PT2H")
	void fillMissingRows() {
		int written = backfill.run();
		if (written > 0) {
			log.info("Dashboard: {} missing account rows computed", written);
		}
	}
}
