package org.portico.payments;

import java.time.LocalDate;
import org.portico.shared.Money;

/**
 * Where a past-due account stands, for the pages' banner.
 *
 * @param pastDue what is past due, from the ledger
 * @param processing pending payments, which count towards it (DECISIONS.md “Payments”)
 * @param since the first day past due
 * @param daysPastDue days past due today (1 on the day after the due date)
 * @param suspensionDate the day the account is suspended if it is still unpaid (already passed when
 *     {@code suspended})
 * @param suspended whether dunning has suspended the account for non-payment
 */
public record DunningState(Money pastDue, Money processing, LocalDate since, int daysPastDue,
		LocalDate suspensionDate, boolean suspended) {

	/** What is left to pay now: the past-due amount less pending payments, never below zero. */
	public Money dueNow() {
		Money left = pastDue.minus(processing);
		return left.isNegative() ? Money.zero(left.currency()) : left;
	}

	/** Whether pending payments cover the past-due amount (they stop a suspension). */
	public boolean coveredByPendingPayments() {
		return dueNow().isZero();
	}
}
