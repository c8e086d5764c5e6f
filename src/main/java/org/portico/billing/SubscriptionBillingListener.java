package org.portico.billing;

import org.portico.subscriptions.SubscriptionResumed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps billing in step with resumptions, in the same transaction as the change: the days a subscription
 * was suspended were credited (or never charged), so billing resumes from the day service did.
 * Starts, changes and ends need nothing here: the billing run reads each subscription's dates and settles
 * the difference on the next statement.
 */
@Component
class SubscriptionBillingListener {

	private final BillingAccountRepository accounts;

	SubscriptionBillingListener(BillingAccountRepository accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void on(SubscriptionResumed event) {
		accounts.skipTo(event.subscriptionId().value(), event.effectiveDate());
	}
}
