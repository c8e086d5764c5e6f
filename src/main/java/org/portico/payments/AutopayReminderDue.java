package org.portico.payments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.billing.StatementId;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * Autopay will charge a statement in a few days (three by default): what, when and with which method.
 * Published once per statement.
 *
 * @param amount what it would charge as of today (the statement's amount due less payments and credits
 *     since, and less payments still processing)
 * @param kind the default method's kind; null when the account has no usable default method (the
 *     reminder then asks for one)
 */
public record AutopayReminderDue(ServiceAccountId account, StatementId statement, Money amount, LocalDate chargeOn,
		@Nullable PaymentMethodKind kind, @Nullable String brand, @Nullable String last4) {
}
