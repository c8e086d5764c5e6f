package org.portico.payments;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * A payment as its receipt and the payment history show it.
 *
 * @param failureReason why it failed ({@code INSUFFICIENT_FUNDS}, {@code EXPIRED_CARD}, … or the gateway's
 *     code for a refused request), when {@link PaymentStatus#FAILED}
 * @param refunded how much of it has been refunded (zero if none)
 */
public record Payment(PaymentId id, ServiceAccountId account, String receiptNumber, Money amount,
		PaymentMethodKind methodKind, @Nullable String brand, @Nullable String last4, PaymentStatus status,
		@Nullable String failureReason, Instant submittedAt, LocalDate submittedOn, @Nullable Instant settledAt,
		@Nullable Instant failedAt, Money refunded, @Nullable Instant refundedAt) {

	public boolean isProcessing() {
		return status == PaymentStatus.PROCESSING;
	}
}
