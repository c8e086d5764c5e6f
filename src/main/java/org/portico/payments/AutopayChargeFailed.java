package org.portico.payments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.billing.StatementId;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * An autopay charge was declined (its payment failed too, with {@link PaymentFailed}).
 *
 * @param attempt 1 for the due date's charge, 2 and 3 for the retries
 * @param nextAttemptOn when it is tried again; null after the last retry
 */
public record AutopayChargeFailed(ServiceAccountId account, StatementId statement, Money amount, int attempt,
		String reason, @Nullable LocalDate nextAttemptOn) {
}
