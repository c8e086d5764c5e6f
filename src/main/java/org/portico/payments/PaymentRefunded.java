package org.portico.payments;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * (Part of) a settled payment was refunded to the method it was paid with and posted to the ledger.
 * Published once per refund.
 *
 * @param refund the refund's ID
 * @param amount what this refund returned
 * @param refundedInTotal what has been refunded of the payment so far, this refund included
 * @param fullyRefunded whether nothing of the payment is left to refund
 * @param brand the card brand, or null for a bank account
 */
public record PaymentRefunded(PaymentId payment, UUID refund, ServiceAccountId account,
		String receiptNumber, Money amount, Money refundedInTotal, boolean fullyRefunded, LocalDate refundedOn,
		PaymentMethodKind kind, @Nullable String brand, @Nullable String last4) {
}
