package org.portico.catalog;

import org.jspecify.annotations.Nullable;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;

/**
 * A home phone plan.
 *
 * @param nationwideMinutes minutes of US long-distance a month included, {@code null} for unlimited
 * @param canadaAndMexicoIncluded whether calls to Canada and Mexico count as nationwide
 */
public record PhonePlan(Money monthlyPrice, @Nullable Integer nationwideMinutes, boolean canadaAndMexicoIncluded)
		implements OfferingDetails {

	public PhonePlan {
		Prices.notNegative(monthlyPrice, "validation.catalog.price");
		if (nationwideMinutes != null && nationwideMinutes <= 0) {
			throw new InvalidValueException("validation.catalog.minutes", "Included minutes must be positive");
		}
	}

	@Override
	public OfferingKind kind() {
		return OfferingKind.PHONE;
	}

	public boolean isUnlimited() {
		return nationwideMinutes == null;
	}
}
