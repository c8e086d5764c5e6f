package org.portico.billing;

import java.time.LocalDate;
import java.util.Objects;
import org.portico.catalog.LocalizedText;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * Usage billed in arrears for a finished cycle: data overage blocks, say.
 *
 * @param from the first day of the usage period
 * @param to the day after its last day
 */
public record UsageCharge(ServiceAccountId account, LocalizedText name, LocalDate from, LocalDate to, Money amount) {

	public UsageCharge {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(amount, "amount");
		if (amount.isNegative()) {
			throw new IllegalArgumentException("A usage charge is not negative");
		}
	}
}
