package org.portico.billing;

/**
 * What a ledger entry records. Charges, late fees and refunds raise what the customer owes; payments and
 * credits lower it; adjustments and taxes go either way.
 */
public enum LedgerEntryType {
	CHARGE, CREDIT, PAYMENT, REFUND, ADJUSTMENT, LATE_FEE, TAX;

	/** Entries that reach a statement as “payments and credits” rather than as new charges. */
	boolean isPaymentOrCredit() {
		return this == PAYMENT || this == CREDIT || this == REFUND || this == ADJUSTMENT;
	}
}
