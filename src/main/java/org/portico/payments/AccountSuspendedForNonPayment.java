package org.portico.payments;

import java.time.LocalDate;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * Dunning suspended an account that stayed past due for portico.payments.suspend-after-days: published
 * once per suspension. The account is restored by itself once the past-due amount is paid.
 *
 * @param amount what was past due less pending payments: what restores the account once paid
 */
public record AccountSuspendedForNonPayment(ServiceAccountId account, Money amount, LocalDate pastDueSince,
		LocalDate suspendedOn) {
}
