package org.portico.payments;

/** Where a payment stands, as the payment history shows it. */
public enum PaymentStatus {
	/** Submitted, not final at the gateway yet: it already reduces the amount due now. */
	PROCESSING,
	/** The money is received and posted to the ledger. */
	SETTLED,
	/** Declined or returned: no money moved, nothing posted. */
	FAILED,
	/** Settled, then refunded in full (a partial refund leaves it settled, with the amount refunded). */
	REFUNDED
}
