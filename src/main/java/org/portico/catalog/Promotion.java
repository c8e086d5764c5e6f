package org.portico.catalog;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;

/**
 * A monthly discount on one offering, either until a fixed date or for a number of months from the start
 * of service (“$20 off for 12 months”). An introductory promotion is the plan's advertised introductory
 * rate: its broadband label shows the discounted price, for how long and the price after.
 *
 * <p>Like a subscription's end, a promotion's end is the first day it no longer applies: “12 months” from
 * January 15 ends on January 15 of the next year, and billing discounts the days before it.
 *
 * @param endDate the first day without the discount, for a promotion with a fixed end
 * @param durationMonths how many months from the start of service it applies, otherwise
 */
public record Promotion(PromotionCode code, OfferingCode offering, LocalizedText name, Money monthlyDiscount,
		@Nullable LocalDate endDate, @Nullable Integer durationMonths, boolean introductory) {

	public Promotion {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(offering, "offering");
		Objects.requireNonNull(name, "name").requireAtMost(80, "validation.catalog.name.too-long");
		if (monthlyDiscount == null || monthlyDiscount.isNegative() || monthlyDiscount.isZero()) {
			throw new InvalidValueException("validation.promotion.discount", "A discount must be more than zero");
		}
		if ((endDate == null) == (durationMonths == null)) {
			throw new InvalidValueException("validation.promotion.period",
					"A promotion has either an end date or a duration, not both");
		}
		if (durationMonths != null && (durationMonths < 1 || durationMonths > 60)) {
			throw new InvalidValueException("validation.promotion.duration", "A duration is 1 to 60 months");
		}
		if (introductory && durationMonths == null) {
			// the label states the introductory period in months, the same for every new customer
			throw new InvalidValueException("validation.promotion.introductory-duration",
					"An introductory rate lasts a number of months");
		}
	}

	/** A discount for {@code months} months from each subscription's start of service. */
	public static Promotion forMonths(PromotionCode code, OfferingCode offering, LocalizedText name,
			Money monthlyDiscount, int months) {
		return new Promotion(code, offering, name, monthlyDiscount, null, months, false);
	}

	/** A discount that stops for everyone on {@code endDate}. */
	public static Promotion until(PromotionCode code, OfferingCode offering, LocalizedText name, Money monthlyDiscount,
			LocalDate endDate) {
		return new Promotion(code, offering, name, monthlyDiscount, endDate, null, false);
	}

	/** The plan's advertised introductory rate: a discount for {@code months} months, shown on its label. */
	public static Promotion introductory(PromotionCode code, OfferingCode offering, LocalizedText name,
			Money monthlyDiscount, int months) {
		return new Promotion(code, offering, name, monthlyDiscount, null, months, true);
	}

	/**
	 * The first day without the discount for a service that starts on {@code serviceStart}: the fixed end
	 * date, or the start plus the duration (“12 months” from January 31 ends on January 31, from
	 * February 29 on February 28).
	 */
	public LocalDate endsOn(LocalDate serviceStart) {
		if (endDate != null) {
			return endDate;
		}
		return serviceStart.plusMonths(Objects.requireNonNull(durationMonths));
	}

	/** Whether a service starting on {@code serviceStart} would get no discount at all. */
	public boolean hasEndedBy(LocalDate serviceStart) {
		return endDate != null && !endDate.isAfter(serviceStart);
	}

	public boolean appliesTo(OfferingCode code) {
		return offering.equals(code);
	}

	/** The price with this discount, never below zero. */
	public Money discounted(Money monthlyPrice) {
		Money price = monthlyPrice.minus(monthlyDiscount);
		return price.isNegative() ? Money.zero(price.currency()) : price;
	}
}
