package org.portico.payments.integration;

import org.jspecify.annotations.Nullable;

/**
 * What the gateway says about a charge.
 *
 * @param chargeReference the gateway's ID of the charge
 * @param declineReason why it was declined, when {@link Status#DECLINED}
 * @param last4 the last four digits of what was charged (a one-time card's, which Portico did not know)
 * @param brand the card brand, or null for a bank account
 */
public record ChargeOutcome(String chargeReference, Status status, @Nullable DeclineReason declineReason,
		@Nullable String last4, @Nullable String brand) {

	public enum Status {
		/** The money is taken: the payment is settled. */
		SUCCEEDED,
		/** Accepted, not final yet (a bank debit, a card under review): ask again with {@link PaymentGateway#status}. */
		PROCESSING,
		/** Refused, definitely: no money moved. */
		DECLINED
	}

	public enum DeclineReason {
		INSUFFICIENT_FUNDS, EXPIRED_CARD, INCORRECT_CVC, ACCOUNT_CLOSED, INVALID_ACCOUNT, GENERIC
	}
}
