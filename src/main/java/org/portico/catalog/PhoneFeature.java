package org.portico.catalog;

import org.portico.shared.Money;

/** A phone feature (voicemail, call forwarding, international calling); $0 when it comes with the plan. */
public record PhoneFeature(Money monthlyPrice) implements OfferingDetails {

	public PhoneFeature {
		Prices.notNegative(monthlyPrice, "validation.catalog.price");
	}

	@Override
	public OfferingKind kind() {
		return OfferingKind.PHONE_FEATURE;
	}

	public boolean isIncluded() {
		return monthlyPrice.isZero();
	}
}
