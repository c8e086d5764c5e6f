package org.portico.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Language;
import org.portico.shared.Money;

class CatalogValueUnitTests {

	@Test
	void acceptsOfferingCodesOfCapitalsDigitsAndDashes() {
		assertThat(OfferingCode.of("INTERNET-500").value()).isEqualTo("INTERNET-500");
		assertThat(OfferingCode.of(" tv-select ").value()).isEqualTo("TV-SELECT");
		assertThat(OfferingCode.of("2G").value()).isEqualTo("2G");
	}

	@Test
	void rejectsMalformedOfferingCodes() {
		for (String bad : new String[] { "", " ", "A", "TV SELECT", "TV_SELECT", "ÑANDÚ", "A".repeat(33) }) {
			assertThatThrownBy(() -> OfferingCode.of(bad)).as(bad).isInstanceOf(InvalidValueException.class);
		}
		assertThatThrownBy(() -> new OfferingCode(null)).isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo("validation.offering-code.required");
	}

	@Test
	void validatesPromotionCodesLikeOfferingCodes() {
		assertThat(PromotionCode.of("new-customer-500").value()).isEqualTo("NEW-CUSTOMER-500");
		assertThatThrownBy(() -> PromotionCode.of("20% OFF")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void acceptsFccPlanIdentifiersOfFThenFrnThenUpTo15Alphanumerics() {
		var id = new FccPlanIdentifier("F0031415926INT500");
		assertThat(id.frn()).isEqualTo("0031415926");
		assertThat(new FccPlanIdentifier("F0031415926" + "A".repeat(15)).value()).hasSize(26);
	}

	@Test
	void rejectsMalformedFccPlanIdentifiers() {
		for (String bad : new String[] { "0031415926INT500", "F003141592INT", "F0031415926", "F0031415926INT-500",
				"F0031415926" + "A".repeat(16), "G0031415926INT500" }) {
			assertThatThrownBy(() -> new FccPlanIdentifier(bad)).as(bad).isInstanceOf(InvalidValueException.class);
		}
	}

	@Test
	void localizedTextPicksTheReadersLanguage() {
		var text = new LocalizedText(" Voicemail ", "Buzón de voz");
		assertThat(text.in(Language.EN_US)).isEqualTo("Voicemail");
		assertThat(text.in(Language.ES_US)).isEqualTo("Buzón de voz");
		assertThatThrownBy(() -> new LocalizedText("Voicemail", " ")).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void offeringTakesKindAndPriceFromItsDetails() {
		var offering = new Offering(OfferingCode.of("VOICEMAIL"), CatalogFixtures.text("Voicemail"),
				CatalogFixtures.text("Messages"), true, new PhoneFeature(Money.usd("0.00")));
		assertThat(offering.kind()).isEqualTo(OfferingKind.PHONE_FEATURE);
		assertThat(offering.monthlyPrice()).isEqualTo(Money.usd("0"));
		assertThat(((PhoneFeature) offering.details()).isIncluded()).isTrue();
	}

	@Test
	void rejectsNamesLongerThanTheCatalogueHolds() {
		assertThatThrownBy(() -> new Offering(OfferingCode.of("LONG"), CatalogFixtures.text("x".repeat(81)),
				CatalogFixtures.text("d"), true, new PhoneFeature(Money.usd("1.00"))))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void tvPriceShownIsAllInWithTheFeeBreakdownKept() {
		var select = TvPackage.base(175, Money.usd("89.99"), Money.usd("24.99"), Money.usd("11.99"));
		assertThat(select.allInMonthlyPrice()).isEqualTo(Money.usd("126.97"));
		assertThat(select.monthlyPrice()).isEqualTo(select.allInMonthlyPrice());
		assertThat(select.fees()).isEqualTo(Money.usd("36.98"));
		assertThat(select.kind()).isEqualTo(OfferingKind.TV);
		assertThat(TvPackage.addOn(48, Money.usd("7.99"), Money.usd("0"), Money.usd("0")).kind())
			.isEqualTo(OfferingKind.TV_ADDON);
	}

	@Test
	void rejectsAnOfferingPricedInTwoCurrencies() {
		var cad = Money.ofMinor(2499, java.util.Currency.getInstance("CAD"));
		assertThatThrownBy(() -> TvPackage.base(175, Money.usd("89.99"), cad, Money.usd("0")))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void rejectsNegativePrices() {
		assertThatThrownBy(() -> new PhoneFeature(Money.usd("-1.00"))).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void equipmentServesABaseService() {
		assertThat(new Equipment(Money.usd("15.00"), OfferingKind.INTERNET).monthlyPrice()).isEqualTo(Money.usd("15"));
		assertThatThrownBy(() -> new Equipment(Money.usd("5.00"), OfferingKind.TV_ADDON))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void phonePlanWithoutMinuteLimitIsUnlimited() {
		assertThat(new PhonePlan(Money.usd("30.00"), null, true).isUnlimited()).isTrue();
		assertThat(new PhonePlan(Money.usd("20.00"), 300, false).isUnlimited()).isFalse();
		assertThatThrownBy(() -> new PhonePlan(Money.usd("20.00"), 0, false)).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void earlyTerminationFeeGoesWithAContractOnly() {
		var taxes = CatalogFixtures.text("Varies by location");
		assertThat(new BroadbandTerms(12, Money.usd("120.00"), List.of(), List.of(), taxes).contractMonths())
			.isEqualTo(12);
		assertThatThrownBy(() -> new BroadbandTerms(12, null, List.of(), List.of(), taxes))
			.isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> new BroadbandTerms(0, Money.usd("120.00"), List.of(), List.of(), taxes))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void overageIsChargedPerStartedBlock() {
		var cap = new DataCap(1_200, 50, Money.usd("10.00"));
		assertThat(cap.overageFor(1_200)).isEqualTo(Money.usd("0"));
		assertThat(cap.overageFor(1_201)).isEqualTo(Money.usd("10.00"));
		assertThat(cap.overageFor(1_250)).isEqualTo(Money.usd("10.00"));
		assertThat(cap.overageFor(1_251)).isEqualTo(Money.usd("20.00"));
	}
}
