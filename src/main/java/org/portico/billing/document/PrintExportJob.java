package org.portico.billing.document;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps for statement dates to print on the schedule {@code portico.billing.print.schedule} (hourly at
 * :35 by default, after the billing run at :05), on one node at a time.
 *
 * <p>A sweep rather than a listener on {@code StatementsIssued}: the billing run publishes one event per
 * batch of a few hundred statements, so no single event knows that a date is complete, and printing per
 * event would make hundreds of small files per date. The sweep exports a date once its day is over; a
 * sweep that fails, or a node that was down, is made good by the next one, and a statement issued late
 * (a catch-up run) goes into a supplement file rather than being lost or printed twice.
 */
@Component
@ConditionalOnExpression("${portico.billing.print.enabled:${portico.billing.run-enabled:true}}")
class PrintExportJob {

	private final PrintExport export;

	PrintExportJob(PrintExport export) {
		this.export = export;
	}

	@Scheduled(cron = "${portico.billing.print.schedule:0 35 * * * *}", zone = "${portico.zone:America/New_York}")
	@SchedulerLock(name = "billing-print-export", lockAtMostFor = "PT3H")
	void exportPending() {
		export.exportPending();
	}
}
