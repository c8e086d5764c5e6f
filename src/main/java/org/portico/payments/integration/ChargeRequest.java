package org.portico.payments.integration;

import org.jspecify.annotations.Nullable;
import org.portico.shared.Money;

/**
 * One charge: a saved method ({@code method}) or a single-use token from the hosted fields
 * ({@code token}), exactly one of them.
 *
 * @param idempotencyKey Portico's key for this payment: the same key never charges twice
 * @param description what the customer's statement shows (the provider's name and the account number)
 * @param paymentReference Portico's receipt number, kept with the charge at the gateway for reconciliation
 */
public record ChargeRequest(String idempotencyKey, GatewayMethod.@Nullable Reference method, @Nullable String token,
		Money amount, String description, String paymentReference) {

	public ChargeRequest {
		if ((method == null) == (token == null)) {
			throw new IllegalArgumentException("A charge is made to a saved method or a token, exactly one");
		}
	}
}
