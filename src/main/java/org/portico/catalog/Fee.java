package org.portico.catalog;

import java.util.Objects;
import org.portico.shared.Money;

/** A named charge on a broadband label, monthly (gateway rental) or one-time (activation, installation). */
public record Fee(LocalizedText name, Money amount) {

	public Fee {
		Objects.requireNonNull(name, "name").requireAtMost(80, "validation.catalog.fee.name.too-long");
		Prices.notNegative(amount, "validation.catalog.fee.amount");
	}
}
