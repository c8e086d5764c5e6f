package org.portico.catalog;

import org.jspecify.annotations.Nullable;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;

/** Guards for the amounts in an offering's details. */
final class Prices {

	private Prices() {
	}

	static Money notNegative(Money amount, String messageKey) {
		if (amount == null || amount.isNegative()) {
			throw new InvalidValueException(messageKey, "Must be zero or more");
		}
		return amount;
	}

	/** An offering is priced in one currency, so that its lines add up and bill together. */
	static void sameCurrency(Money price, @Nullable Money other) {
		if (other != null && !other.currency().equals(price.currency())) {
			throw new InvalidValueException("validation.catalog.currency.mixed",
					"All amounts of an offering must be in " + price.currency());
		}
	}
}
