package org.portico.payments;

/** What a saved (or one-time) payment method is. */
public enum PaymentMethodKind {
	CARD, BANK_ACCOUNT
}
