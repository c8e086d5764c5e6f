package org.portico.payments;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A payment that settles on an account dunning suspended restores it at once (when it pays what was past
 * due), rather than at the next daily run.
 */
@Component
class DunningPaymentListener {

	private final Dunning dunning;

	DunningPaymentListener(Dunning dunning) {
		this.dunning = dunning;
	}

	@ApplicationModuleListener
	void on(PaymentSettled event) {
		dunning.recheck(event.account());
	}
}
