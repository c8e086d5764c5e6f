package org.portico.catalog;

import org.portico.shared.Money;

/**
 * What only one kind of offering has. An offering is priced in one currency: every amount in its details
 * shares the currency of {@link #monthlyPrice()}.
 */
public sealed interface OfferingDetails permits InternetTier, TvPackage, PhonePlan, PhoneFeature, Equipment {

	OfferingKind kind();

	/** What the customer pays a month before promotions and taxes (for TV, fees included). */
	Money monthlyPrice();
}
