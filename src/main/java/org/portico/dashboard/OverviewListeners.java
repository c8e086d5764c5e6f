package org.portico.dashboard;

import org.portico.billing.LedgerPosted;
import org.portico.billing.StatementIssued;
import org.portico.billing.StatementsIssued;
import org.portico.customer.AccountStatusChanged;
import org.portico.customer.ServiceAccountId;
import org.portico.payments.AccountPastDue;
import org.portico.payments.AccountRestored;
import org.portico.payments.AccountSuspendedForNonPayment;
import org.portico.payments.AutopayCancelled;
import org.portico.payments.AutopayChargeFailed;
import org.portico.payments.AutopayEnrolled;
import org.portico.payments.AutopayPaid;
import org.portico.payments.PaymentFailed;
import org.portico.payments.PaymentMethodsChanged;
import org.portico.payments.PaymentRefunded;
import org.portico.payments.PaymentSettled;
import org.portico.payments.PaymentSubmitted;
import org.portico.subscriptions.SubscriptionChanged;
import org.portico.subscriptions.SubscriptionEnded;
import org.portico.subscriptions.SubscriptionResumed;
import org.portico.subscriptions.SubscriptionStarted;
import org.portico.subscriptions.SubscriptionSuspended;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the projection current: every event that changes something a tile shows recomputes the account's
 * row from the façades (after the change committed, off the request thread, through Modulith's event
 * publication registry, so a crash before the refresh is made up on restart).
 */
@Component
class OverviewListeners {

	private static final Logger log = LoggerFactory.getLogger(OverviewListeners.class);

	private final OverviewRefresher refresher;

	OverviewListeners(OverviewRefresher refresher) {
		this.refresher = refresher;
	}

	/**
	 * A batch of the billing run: hundreds of accounts, so not in one transaction (hundreds of advisory locks
	 * held to its end) but one transaction per account, which is why this listener opens none of its own.
	 * Still asynchronous after the commit and in the event publication registry, as a module listener is.
	 */
	@Async
	@TransactionalEventListener
	void on(StatementsIssued event) {
		event.statements().stream().map(StatementIssued::account).distinct().forEach(refresher::refresh);
	}

	@ApplicationModuleListener
	void on(LedgerPosted event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(PaymentSubmitted event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(PaymentSettled event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(PaymentFailed event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(PaymentRefunded event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(AccountPastDue event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(AccountSuspendedForNonPayment event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(AccountRestored event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(AccountStatusChanged event) {
		refresh(event.accountId());
	}

	@ApplicationModuleListener
	void on(SubscriptionStarted event) {
		refresh(event.accountId());
	}

	@ApplicationModuleListener
	void on(SubscriptionChanged event) {
		refresh(event.accountId());
	}

	@ApplicationModuleListener
	void on(SubscriptionEnded event) {
		refresh(event.accountId());
	}

	@ApplicationModuleListener
	void on(SubscriptionSuspended event) {
		refresh(event.accountId());
	}

	@ApplicationModuleListener
	void on(SubscriptionResumed event) {
		refresh(event.accountId());
	}

	@ApplicationModuleListener
	void on(AutopayEnrolled event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(AutopayCancelled event) {
		refresh(event.account());
	}

	/** A new default method is what autopay will charge: the autopay tile names it. */
	@ApplicationModuleListener
	void on(PaymentMethodsChanged event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(AutopayChargeFailed event) {
		refresh(event.account());
	}

	@ApplicationModuleListener
	void on(AutopayPaid event) {
		refresh(event.account());
	}

	private void refresh(ServiceAccountId account) {
		refresher.refresh(account);
		log.debug("Dashboard row of account {} refreshed", account);
	}
}
