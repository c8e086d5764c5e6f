package org.portico.payments;

import java.time.LocalDate;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * An account reached a reminder day (portico.payments.reminder-days) past due, and the reminder is due:
 * published once per reminder day of a run of unpaid statements (after downtime, only the latest one due).
 *
 * @param amount what is past due less pending payments: the amount to pay now
 * @param pastDueSince the first day past due
 * @param daysPastDue days past due today (1 on the day after the due date)
 * @param suspensionDate the day the account is suspended if the amount is still unpaid
 */
public record AccountPastDue(ServiceAccountId account, Money amount, LocalDate pastDueSince, int daysPastDue,
		LocalDate suspensionDate) {
}
