package org.portico.payments;

import java.time.YearMonth;
import org.portico.customer.ServiceAccountId;

/**
 * A saved card expires within {@code portico.payments.expiry-warning-days}: its owner should add a new one
 * before payments start to fail. Published once per card and expiry date (a card updated to a later expiry
 * is warned about again when that one comes near).
 *
 * @param brand the card brand in lower case ({@code visa}, {@code mastercard}, {@code amex}, {@code discover})
 * @param expires the last month the card can be used in
 */
public record PaymentMethodExpiring(ServiceAccountId account, PaymentMethodId method, String brand, String last4,
		YearMonth expires) {
}
