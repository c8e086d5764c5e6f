package org.portico.payments;

import java.time.LocalDate;
import java.util.UUID;
import org.portico.shared.Money;

/**
 * A refund made (or found already made, when the same refund was asked for again).
 *
 * @param paymentAmount what the payment was
 * @param amount what this refund returned
 * @param refundedInTotal what has been refunded of the payment so far
 * @param paymentStatus the payment's status after it: {@link PaymentStatus#REFUNDED} once nothing is left
 * @param repeated the same refund had been made before: nothing was moved this time
 * @param pendingAtGateway the gateway accepted the refund but the money is still on its way back
 */
public record Refund(UUID id, PaymentId payment, String receiptNumber, Money paymentAmount, Money amount, Money refundedInTotal,
		PaymentStatus paymentStatus, LocalDate refundedOn, boolean repeated, boolean pendingAtGateway) {
}
