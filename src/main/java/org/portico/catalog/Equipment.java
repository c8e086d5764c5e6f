package org.portico.catalog;

import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;

/**
 * Equipment the provider rents out (gateway, TV box, voice modem), for the service it serves.
 *
 * @param serves {@link OfferingKind#INTERNET}, {@link OfferingKind#TV} or {@link OfferingKind#PHONE}
 */
public record Equipment(Money monthlyRentalFee, OfferingKind serves) implements OfferingDetails {

	public Equipment {
		Prices.notNegative(monthlyRentalFee, "validation.catalog.price");
		if (serves == null || !serves.isBaseService()) {
			throw new InvalidValueException("validation.catalog.equipment.serves",
					"Equipment serves internet, TV or phone");
		}
	}

	@Override
	public OfferingKind kind() {
		return OfferingKind.EQUIPMENT;
	}

	@Override
	public Money monthlyPrice() {
		return monthlyRentalFee;
	}
}
