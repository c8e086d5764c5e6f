package org.portico.payments;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.shared.Money;

/**
 * A payment the customer confirmed on the review step: with a saved method, or with a card entered for
 * this payment only (a hosted-fields token), exactly one of them.
 *
 * @param idempotencyKey the key the payment form was issued with: the same key is one payment, however
 *     often it is submitted
 * @param payer the login that confirmed it
 */
public record PaymentRequest(ServiceAccountId account, String idempotencyKey, Money amount,
		@Nullable PaymentMethodId method, @Nullable String oneTimeToken, LoginId payer) {

	public PaymentRequest {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(payer, "payer");
		if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9-]{16,64}")) {
			throw new PaymentRejectedException("form_invalid", "The payment form's key is malformed");
		}
		if ((method == null) == (oneTimeToken == null || oneTimeToken.isBlank())) {
			throw new PaymentRejectedException("method_missing", "Choose one way to pay");
		}
	}
}
