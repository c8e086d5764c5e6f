package org.portico.catalog;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Money;

/** Catalogue test data; codes are random because tests share one database. */
public final class CatalogFixtures {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private CatalogFixtures() {
	}

	public static OfferingCode randomOfferingCode() {
		return OfferingCode.of("T-" + randomSuffix(10));
	}

	public static PromotionCode randomPromotionCode() {
		return PromotionCode.of("P-" + randomSuffix(10));
	}

	public static FccPlanIdentifier randomPlanId() {
		return new FccPlanIdentifier("F0031415926" + randomSuffix(12));
	}

	public static LocalizedText text(String en) {
		return new LocalizedText(en, "ES " + en);
	}

	public static InternetTier cappedTier(String price) {
		return internetTier(price, new DataCap(1_200, 50, Money.usd("10.00")));
	}

	public static InternetTier unlimitedTier(String price) {
		return internetTier(price, null);
	}

	public static InternetTier internetTier(String price, @Nullable DataCap cap) {
		var terms = BroadbandTerms.noContract(
				List.of(new Fee(text("Gateway rental"), Money.usd("15.00"))),
				List.of(new Fee(text("Activation"), Money.usd("10.00")), new Fee(text("Installation"), Money.usd("89.99"))),
				new LocalizedText("Varies by location", "Varían según la ubicación"));
		return new InternetTier(Money.usd(price), 500, 50, new TypicalPerformance(452, 46, 21), cap, terms,
				randomPlanId());
	}

	public static TvPackage tvPackage(String base) {
		return TvPackage.base(175, Money.usd(base), Money.usd("24.99"), Money.usd("11.99"));
	}

	private static String randomSuffix(int length) {
		var random = ThreadLocalRandom.current();
		var out = new StringBuilder();
		for (int i = 0; i < length; i++) {
			out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}
}
