package org.portico.payments;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles payments whose gateway answer is overdue (lost to a timeout or a crash, or a bank debit still
 * clearing) every minute by default ({@code portico.payments.reconcile}). Nodes could share the work
 * (rows are claimed with skip locked); the lock just keeps them from asking the gateway in parallel.
 */
@Component
@ConditionalOnBooleanProperty(name = "portico.payments.reconcile-enabled", matchIfMissing = true)
class ReconciliationJob {

	private final Payments payments;

	ReconciliationJob(Payments payments) {
		this.payments = payments;
	}

	@Scheduled(cron = "${portico.payments.reconcile:0 * * * * *}", zone = "${portico.zone:America/New_York}")
	@SchedulerLock(name = "payment-reconciliation", lockAtMostFor = "PT10M")
	void reconcile() {
		payments.reconcile();
	}
}
