package org.portico.payments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.billing.StatementId;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * An autopay charge settled (its payment settled too, with {@link PaymentSettled}, whose payer is null).
 * Published once per charge.
 *
 * @param attempt 1 for the due date's charge, 2 and 3 for the retries
 */
public record AutopayPaid(ServiceAccountId account, StatementId statement, PaymentId payment, String receiptNumber,
		Money amount, LocalDate paidOn, int attempt, PaymentMethodKind kind, @Nullable String brand,
		@Nullable String last4) {
}
