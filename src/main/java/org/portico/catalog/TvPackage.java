package org.portico.catalog;

import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;

/**
 * A TV package or a channel add-on. Customers are shown one all-in monthly price — base price plus the
 * broadcast TV and regional sports fees — as the FCC's all-in pricing rule requires; the breakdown is kept
 * for the bill and for taxes, which treat the fees differently.
 *
 * @param addOn whether this is a channel add-on to a package ({@link OfferingKind#TV_ADDON})
 */
public record TvPackage(boolean addOn, int channelCount, Money basePrice, Money broadcastTvFee,
		Money regionalSportsFee) implements OfferingDetails {

	public TvPackage {
		if (channelCount <= 0 || channelCount > 10_000) {
			throw new InvalidValueException("validation.catalog.channel-count", "Channel count must be positive");
		}
		Prices.notNegative(basePrice, "validation.catalog.price");
		Prices.notNegative(broadcastTvFee, "validation.catalog.broadcast-tv-fee");
		Prices.notNegative(regionalSportsFee, "validation.catalog.regional-sports-fee");
		Prices.sameCurrency(basePrice, broadcastTvFee);
		Prices.sameCurrency(basePrice, regionalSportsFee);
	}

	public static TvPackage base(int channelCount, Money basePrice, Money broadcastTvFee, Money regionalSportsFee) {
		return new TvPackage(false, channelCount, basePrice, broadcastTvFee, regionalSportsFee);
	}

	public static TvPackage addOn(int channelCount, Money basePrice, Money broadcastTvFee, Money regionalSportsFee) {
		return new TvPackage(true, channelCount, basePrice, broadcastTvFee, regionalSportsFee);
	}

	@Override
	public OfferingKind kind() {
		return addOn ? OfferingKind.TV_ADDON : OfferingKind.TV;
	}

	/** Base price plus fees: the one price customers see. */
	public Money allInMonthlyPrice() {
		return basePrice.plus(broadcastTvFee).plus(regionalSportsFee);
	}

	/** The all-in price: a TV offering never advertises its base price alone. */
	@Override
	public Money monthlyPrice() {
		return allInMonthlyPrice();
	}

	public Money fees() {
		return broadcastTvFee.plus(regionalSportsFee);
	}
}
