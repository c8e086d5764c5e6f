package org.portico.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portico.shared.Language;
import org.portico.shared.Money;

class CatalogBroadbandLabelUnitTests {

	private static final OfferingCode CODE = OfferingCode.of("INTERNET-500");

	@Test
	void showsTheRegularPriceWithoutAnIntroductoryRate() {
		var label = BroadbandLabel.of(offering(CatalogFixtures.cappedTier("65.00")), null);
		assertThat(label.monthlyPrice()).isEqualTo(Money.usd("65.00"));
		assertThat(label.isIntroductoryRate()).isFalse();
		assertThat(label.introductoryRateSummary(Language.EN_US)).isEqualTo("No");
	}

	@Test
	void showsTheIntroductoryPriceItsMonthsAndThePriceAfter() {
		var intro = Promotion.introductory(PromotionCode.of("NEW"), CODE, CatalogFixtures.text("New"), Money.usd("20.00"),
				12);
		var label = BroadbandLabel.of(offering(CatalogFixtures.cappedTier("65.00")), intro);
		assertThat(label.monthlyPrice()).isEqualTo(Money.usd("45.00"));
		assertThat(label.introductoryRate()).isEqualTo(new BroadbandLabel.IntroductoryRate(12, Money.usd("65.00")));
		assertThat(label.introductoryRateSummary(Language.EN_US)).isEqualTo("Yes: 12 months, then $65.00/mo");
		assertThat(label.introductoryRateSummary(Language.ES_US)).isEqualTo("Sí: 12 meses, luego $65.00/mes");
	}

	@Test
	void formatsDataAndOverageForACappedTier() {
		var label = BroadbandLabel.of(offering(CatalogFixtures.cappedTier("65.00")), null);
		assertThat(label.dataIncluded(Language.EN_US)).isEqualTo("1,200 GB");
		assertThat(label.dataIncluded(Language.ES_US)).isEqualTo("1,200 GB");
		assertThat(label.overageCharges(Language.EN_US)).isEqualTo("$10.00 for each additional 50 GB");
		assertThat(label.overageCharges(Language.ES_US)).isEqualTo("$10.00 por cada 50 GB adicionales");
	}

	@Test
	void formatsDataAndOverageForAnUnlimitedTier() {
		var label = BroadbandLabel.of(offering(CatalogFixtures.unlimitedTier("100.00")), null);
		assertThat(label.dataIncluded(Language.EN_US)).isEqualTo("Unlimited");
		assertThat(label.dataIncluded(Language.ES_US)).isEqualTo("Ilimitados");
		assertThat(label.overageCharges(Language.EN_US)).isEqualTo("None");
		assertThat(label.overageCharges(Language.ES_US)).isEqualTo("Ninguno");
	}

	@Test
	void formatsTypicalPerformanceWithUsDigitGrouping() {
		var terms = CatalogFixtures.cappedTier("100.00").terms();
		var tier = new InternetTier(Money.usd("100.00"), 2_000, 2_000, new TypicalPerformance(1_846, 1_822, 15), null,
				terms, CatalogFixtures.randomPlanId());
		var label = BroadbandLabel.of(offering(tier), null);
		assertThat(label.typicalDownloadSpeed()).isEqualTo("1,846 Mbps");
		assertThat(label.typicalUploadSpeed()).isEqualTo("1,822 Mbps");
		assertThat(label.typicalLatency()).isEqualTo("15 ms");
	}

	@Test
	void formatsContractLength() {
		var noContract = BroadbandLabel.of(offering(CatalogFixtures.cappedTier("65.00")), null);
		assertThat(noContract.contractLength(Language.EN_US)).isEqualTo("No contract");
		assertThat(noContract.contractLength(Language.ES_US)).isEqualTo("Sin contrato");
		var terms = new BroadbandTerms(24, Money.usd("240.00"), List.of(), List.of(),
				CatalogFixtures.text("Varies by location"));
		var tier = new InternetTier(Money.usd("65.00"), 500, 50, new TypicalPerformance(452, 46, 21), null, terms,
				CatalogFixtures.randomPlanId());
		var contract = BroadbandLabel.of(offering(tier), null);
		assertThat(contract.contractLength(Language.EN_US)).isEqualTo("24 months");
		assertThat(contract.contractLength(Language.ES_US)).isEqualTo("24 meses");
		assertThat(contract.terms().earlyTerminationFee()).isEqualTo(Money.usd("240.00"));
	}

	@Test
	void addsUpProviderFees() {
		var label = BroadbandLabel.of(offering(CatalogFixtures.cappedTier("65.00")), null);
		assertThat(label.totalMonthlyProviderFees()).isEqualTo(Money.usd("15.00"));
		assertThat(label.totalOneTimeFees()).isEqualTo(Money.usd("99.99"));
		assertThat(label.governmentTaxes(Language.ES_US)).isEqualTo("Varían según la ubicación");
	}

	@Test
	void onlyAnInternetTierHasALabel() {
		var tv = new Offering(OfferingCode.of("TV-SELECT"), CatalogFixtures.text("TV"), CatalogFixtures.text("TV"), true,
				CatalogFixtures.tvPackage("89.99"));
		assertThatThrownBy(() -> BroadbandLabel.of(tv, null)).isInstanceOf(IllegalArgumentException.class);
	}

	private static Offering offering(InternetTier tier) {
		return new Offering(CODE, CatalogFixtures.text("Internet 500"), CatalogFixtures.text("Fast"), true, tier);
	}
}
