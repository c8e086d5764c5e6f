package org.portico.billing;

/**
 * The kind of a statement line, which also decides where a bill shows it.
 *
 * <ul>
 * <li>{@code MONTHLY} and {@code DISCOUNT}, the coming cycle's recurring charge and its promotion, in advance</li>
 * <li>{@code PRORATED} and {@code PRORATED_DISCOUNT}, part of a cycle (a service started, changed or
 * ended, or a cycle caught up); negative for days no longer due (a credit)</li>
 * <li>{@code ONE_TIME}, {@code USAGE} (in arrears), {@code LATE_FEE}, {@code ADJUSTMENT}</li>
 * <li>{@code TAX}, taxes and regulatory fees from configuration</li>
 * <li>{@code PAYMENT} and {@code CREDIT}, received since the last statement</li>
 * </ul>
 */
public enum LineType {
	MONTHLY, DISCOUNT, PRORATED, PRORATED_DISCOUNT, ONE_TIME, USAGE, LATE_FEE, ADJUSTMENT, TAX, PAYMENT, CREDIT;

	/** Lines in “payments and credits” rather than in new charges or taxes. */
	public boolean isPaymentOrCredit() {
		return this == PAYMENT || this == CREDIT;
	}
}
