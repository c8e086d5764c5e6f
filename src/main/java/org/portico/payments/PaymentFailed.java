package org.portico.payments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.shared.Money;

/**
 * A payment the gateway declined or returned (possibly days after it was submitted, for a bank debit):
 * no money moved and nothing was posted. Published once per payment.
 *
 * @param reason the gateway's reason in Portico's words: {@code INSUFFICIENT_FUNDS}, {@code EXPIRED_CARD},
 *     {@code INCORRECT_CVC}, {@code ACCOUNT_CLOSED}, {@code INVALID_ACCOUNT}, {@code GENERIC}
 */
public record PaymentFailed(PaymentId payment, ServiceAccountId account, String receiptNumber, Money amount,
		LocalDate submittedOn, @Nullable LoginId payer, PaymentMethodKind kind, @Nullable String brand,
		@Nullable String last4, String reason) {
}
