package org.portico.payments;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An autopay payment that settles or fails after its charge was answered “processing” (a bank debit,
 * settled or returned days later) decides its autopay attempt then: the paid notice, or the declined one
 * with its retry. Payments a login made are not autopay's.
 */
@Component
class AutopayPaymentListener {

	private final Autopay autopay;

	AutopayPaymentListener(Autopay autopay) {
		this.autopay = autopay;
	}

	@ApplicationModuleListener
	void on(PaymentSettled event) {
		if (event.payer() == null) {
			autopay.paymentFinished(event.account(), event.payment());
		}
	}

	@ApplicationModuleListener
	void on(PaymentFailed event) {
		if (event.payer() == null) {
			autopay.paymentFinished(event.account(), event.payment());
		}
	}
}
