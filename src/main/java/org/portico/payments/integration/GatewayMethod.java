package org.portico.payments.integration;

import org.jspecify.annotations.Nullable;
import org.portico.payments.PaymentMethodKind;

/**
 * A method saved at the gateway, as the gateway describes it (never as the browser claims it): enough to
 * show it (“Visa ending 4242, expires 04/29”, “Checking at First Bank ending 6789”) and to charge it.
 *
 * @param brand card brand in lower case ({@code visa}, {@code mastercard}, {@code amex}, {@code discover})
 * @param bankName the bank's name for a bank account
 * @param routingNumber a bank account's ABA routing number (public, identifies the bank)
 * @param accountType {@code checking} or {@code savings} for a bank account
 */
public record GatewayMethod(Reference reference, PaymentMethodKind kind, String last4, @Nullable String brand,
		@Nullable Integer expMonth, @Nullable Integer expYear, @Nullable String bankName,
		@Nullable String routingNumber, @Nullable String accountType, @Nullable String holderName) {

	/** The gateway's customer and the method under it. */
	public record Reference(String customer, String method) {
	}
}
