package org.portico.payments;

import java.time.LocalDate;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * A payment was submitted and is processing: it already reduces the amount due now (DECISIONS.md
 * “Payments”), though nothing is posted until it settles ({@link PaymentSettled}) or fails
 * ({@link PaymentFailed}). Published once per payment, in the transaction that records it.
 */
public record PaymentSubmitted(PaymentId payment, ServiceAccountId account, Money amount, LocalDate submittedOn) {
}
