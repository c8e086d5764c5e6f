package org.portico.billing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * An account whose latest statement due before today is not covered by the payments and credits received
 * since that statement.
 *
 * @param amount what remains unpaid of that statement's amount due (a balance-forward statement includes
 *     the unpaid earlier ones)
 * @param since the first day past due: the day after the due date of the oldest statement in the unbroken
 *     run of unpaid statements that ends with the latest one
 */
public record PastDue(ServiceAccountId account, Money amount, LocalDate since) {

	public PastDue {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(since, "since");
	}

	/** Days past due on {@code today}: 1 on the day after the due date. */
	public int daysPastDue(LocalDate today) {
		return (int) ChronoUnit.DAYS.between(since, today) + 1;
	}
}
