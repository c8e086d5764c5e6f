package org.portico.payments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;

/**
 * A saved payment method as customers see it: a card (brand, last four, expiry) or a bank account (bank,
 * routing number, account type, last four). The card or account number itself is only at the gateway.
 */
public record PaymentMethod(PaymentMethodId id, ServiceAccountId account, PaymentMethodKind kind, String last4,
		@Nullable String brand, @Nullable YearMonth expires, @Nullable String bankName, @Nullable String routingNumber,
		@Nullable String accountType, @Nullable String holderName, boolean isDefault, Instant addedAt) {

	/** A card past its expiry month on {@code today}; bank accounts do not expire. */
	public boolean isExpiredOn(LocalDate today) {
		return expires != null && YearMonth.from(today).isAfter(expires);
	}

	/** A card that expires within {@code days} of {@code today} (and has not yet). */
	public boolean expiresWithin(LocalDate today, int days) {
		return expires != null && !isExpiredOn(today) && !expires.atEndOfMonth().isAfter(today.plusDays(days));
	}

	/** Masked, for logs and notices: “visa ••4242”, “bank ••6789”. */
	public String masked() {
		return (kind == PaymentMethodKind.CARD ? brand : "bank") + " ••" + last4;
	}
}
