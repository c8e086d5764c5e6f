package org.portico.payments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.billing.StatementStatus;
import org.portico.shared.Money;

/**
 * What the pay page offers an account (DECISIONS.md “Payments”).
 *
 * @param amountDueNow what is left of the latest statement's amount due after payments and credits since,
 *     less payments still processing; zero when nothing is due
 * @param statementBalance the latest statement's amount due
 * @param currentBalance everything owed now (unbilled charges included), less payments still processing
 * @param pending payments submitted and still processing
 * @param minimum the smallest payment
 * @param maximum the largest payment: the current balance (if any) plus the prepayment allowance
 * @param dueDate the latest statement's due date, if there is a statement
 * @param statementStatus the latest statement's status, if there is a statement
 * @param pastDue what is overdue from statements past their due date (a later statement may carry it while
 *     not due itself), less payments still processing; zero when nothing is
 */
public record PaymentOptions(Money amountDueNow, Money statementBalance, Money currentBalance, Money pending,
		Money minimum, Money maximum, @Nullable LocalDate dueDate, @Nullable StatementStatus statementStatus,
		Money pastDue) {

	public boolean isPastDue() {
		return pastDue.minorUnits() > 0;
	}
}
