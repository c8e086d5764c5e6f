package org.portico.payments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.shared.Money;

/**
 * A payment settled at the gateway and was posted to the ledger, effective the day it was submitted.
 * Published once per payment.
 *
 * @param payer the login that made it; null for one Portico made itself (autopay)
 * @param method masked, for the receipt: {@code visa ••4242}, {@code bank ••6789}
 */
public record PaymentSettled(PaymentId payment, ServiceAccountId account, String receiptNumber, Money amount,
		LocalDate receivedOn, @Nullable LoginId payer, PaymentMethodKind kind, @Nullable String brand,
		@Nullable String last4) {
}
