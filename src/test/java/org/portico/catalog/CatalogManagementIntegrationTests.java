package org.portico.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portico.catalog.CatalogFixtures.randomOfferingCode;
import static org.portico.catalog.CatalogFixtures.randomPromotionCode;
import static org.portico.catalog.CatalogFixtures.text;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class CatalogManagementIntegrationTests extends IntegrationTestSupport {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void definesAnInternetTierAndReadsItBack() {
		var code = randomOfferingCode();
		var tier = CatalogFixtures.cappedTier("65.00");

		var defined = catalog.define(code, text("Internet 500"), text("Fast internet"), tier);

		var expected = new Offering(code, text("Internet 500"), text("Fast internet"), true, tier);
		assertThat(defined).isEqualTo(expected);
		assertThat(catalog.get(code)).isEqualTo(expected);
		assertThat(catalog.find(code)).contains(expected);
	}

	@Test
	void definesEveryOtherKindAndReadsItBack() {
		List<OfferingDetails> details = List.of(CatalogFixtures.unlimitedTier("100.00"), CatalogFixtures.tvPackage("89.99"),
				TvPackage.addOn(48, Money.usd("7.99"), Money.usd("0"), Money.usd("0")),
				new PhonePlan(Money.usd("30.00"), null, true), new PhonePlan(Money.usd("20.00"), 300, false),
				new PhoneFeature(Money.usd("0.00")), new Equipment(Money.usd("15.00"), OfferingKind.INTERNET));
		for (OfferingDetails each : details) {
			var code = randomOfferingCode();
			catalog.define(code, text("Name"), text("Description"), each);
			assertThat(catalog.get(code).details()).as(each.kind().name()).isEqualTo(each);
			assertThat(catalog.get(code).kind()).isEqualTo(each.kind());
		}
	}

	@Test
	void storesTvAtItsAllInPrice() {
		var code = randomOfferingCode();
		catalog.define(code, text("TV Select"), text("175 channels"), CatalogFixtures.tvPackage("89.99"));

		assertThat(catalog.get(code).monthlyPrice()).isEqualTo(Money.usd("126.97"));
		assertThat(jdbc.sql("select monthly_price_minor from catalog.offering where code = :code")
			.param("code", code.value())
			.query(Long.class)
			.single()).isEqualTo(12697L);
	}

	@Test
	void redefiningUpdatesInPlaceWithoutDuplicates() {
		var code = randomOfferingCode();
		catalog.define(code, text("Internet 500"), text("Fast"), CatalogFixtures.cappedTier("65.00"));
		var terms = BroadbandTerms.noContract(List.of(), List.of(new Fee(text("Activation"), Money.usd("5.00"))),
				text("Varies by location"));
		var changed = new InternetTier(Money.usd("60.00"), 600, 60, new TypicalPerformance(550, 55, 19), null, terms,
				CatalogFixtures.randomPlanId());

		catalog.define(code, text("Internet 600"), text("Faster"), changed);
		catalog.define(code, text("Internet 600"), text("Faster"), changed);

		assertThat(catalog.get(code)).isEqualTo(new Offering(code, text("Internet 600"), text("Faster"), true, changed));
		assertThat(count("catalog.offering", code)).isEqualTo(1);
		assertThat(count("catalog.internet_tier", code)).isEqualTo(1);
		assertThat(count("catalog.internet_fee", code)).isEqualTo(1);
		assertThat(jdbc.sql("select version from catalog.offering where code = :code")
			.param("code", code.value())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void rejectsRedefiningAnOfferingAsAnotherKind() {
		var code = randomOfferingCode();
		catalog.define(code, text("Voicemail"), text("Messages"), new PhoneFeature(Money.usd("0.00")));

		assertThatThrownBy(() -> catalog.define(code, text("Box"), text("A box"),
				new Equipment(Money.usd("10.00"), OfferingKind.TV)))
			.isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo("catalog.offering.kind-fixed");
		assertThat(catalog.get(code).kind()).isEqualTo(OfferingKind.PHONE_FEATURE);
		assertThat(count("catalog.equipment", code)).isZero();
	}

	@Test
	void redefiningKeepsARetiredOfferingRetired() {
		var code = randomOfferingCode();
		catalog.define(code, text("Old plan"), text("Old"), new PhonePlan(Money.usd("25.00"), null, false));
		catalog.retire(code);

		catalog.define(code, text("Old plan"), text("Old"), new PhonePlan(Money.usd("25.00"), null, false));
		assertThat(catalog.get(code).active()).isFalse();

		catalog.reinstate(code);
		assertThat(catalog.get(code).active()).isTrue();
	}

	@Test
	void listsActiveOfferingsOfAKindCheapestFirst() {
		var dear = randomOfferingCode();
		var cheap = randomOfferingCode();
		var free = randomOfferingCode();
		var retired = randomOfferingCode();
		catalog.define(dear, text("Dear"), text("d"), new PhoneFeature(Money.usd("9.99")));
		catalog.define(cheap, text("Cheap"), text("d"), new PhoneFeature(Money.usd("1.99")));
		catalog.define(free, text("Free"), text("d"), new PhoneFeature(Money.usd("0.00")));
		catalog.define(retired, text("Retired"), text("d"), new PhoneFeature(Money.usd("0.50")));
		catalog.retire(retired);

		var features = catalog.byKind(OfferingKind.PHONE_FEATURE);

		assertThat(features).extracting(Offering::code).containsSubsequence(free, cheap, dear).doesNotContain(retired);
		assertThat(features).extracting(Offering::monthlyPrice).isSorted();
		assertThat(features).allMatch(offering -> offering.kind() == OfferingKind.PHONE_FEATURE && offering.active());
	}

	@Test
	void findsAllThatExistActiveOrRetired() {
		var a = randomOfferingCode();
		var b = randomOfferingCode();
		catalog.define(a, text("A"), text("a"), new PhoneFeature(Money.usd("1.00")));
		catalog.define(b, text("B"), text("b"), CatalogFixtures.cappedTier("50.00"));
		catalog.retire(b);

		assertThat(catalog.findAll(List.of(a, b, randomOfferingCode()))).extracting(Offering::code)
			.containsExactlyInAnyOrder(a, b);
		assertThat(catalog.findAll(List.of())).isEmpty();
	}

	@Test
	void unknownCodesAreReportedAsUnknownOfferings() {
		var code = randomOfferingCode();
		assertThat(catalog.find(code)).isEmpty();
		assertThatThrownBy(() -> catalog.get(code)).isInstanceOf(UnknownOfferingException.class);
		assertThatThrownBy(() -> catalog.retire(code)).isInstanceOf(UnknownOfferingException.class);
		assertThatThrownBy(() -> catalog.broadbandLabel(code)).isInstanceOf(UnknownOfferingException.class);
	}

	@Test
	void definesAndRedefinesPromotions() {
		var offering = randomOfferingCode();
		catalog.define(offering, text("TV"), text("TV"), CatalogFixtures.tvPackage("89.99"));
		var code = randomPromotionCode();
		var spring = Promotion.until(code, offering, text("Spring"), Money.usd("10.00"), LocalDate.of(2027, 4, 1));

		assertThat(catalog.definePromotion(spring)).isEqualTo(spring);
		var yearLong = Promotion.forMonths(code, offering, text("A year"), Money.usd("15.00"), 12);
		catalog.definePromotion(yearLong);

		assertThat(catalog.promotion(code)).contains(yearLong);
		assertThat(catalog.promotionsFor(offering)).containsExactly(yearLong);
		assertThat(catalog.promotion(randomPromotionCode())).isEmpty();
	}

	@Test
	void rejectsPromotionsThatCannotApply() {
		var offering = randomOfferingCode();
		catalog.define(offering, text("Feature"), text("f"), new PhoneFeature(Money.usd("4.99")));

		assertThatThrownBy(() -> catalog.definePromotion(
				Promotion.forMonths(randomPromotionCode(), randomOfferingCode(), text("x"), Money.usd("1.00"), 3)))
			.isInstanceOf(UnknownOfferingException.class);
		var tooMuch = Promotion.forMonths(randomPromotionCode(), offering, text("x"), Money.usd("5.00"), 3);
		assertThatThrownBy(() -> catalog.definePromotion(tooMuch)).isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo("catalog.promotion.discount-above-price");
		assertThat(catalog.promotion(tooMuch.code())).isEmpty();
	}

	@Test
	void allowsOneIntroductoryRatePerTier() {
		var offering = randomOfferingCode();
		catalog.define(offering, text("Internet"), text("i"), CatalogFixtures.cappedTier("65.00"));
		var first = Promotion.introductory(randomPromotionCode(), offering, text("Intro"), Money.usd("20.00"), 12);
		catalog.definePromotion(first);
		catalog.definePromotion(first);

		var second = Promotion.introductory(randomPromotionCode(), offering, text("Intro 2"), Money.usd("10.00"), 6);
		assertThatThrownBy(() -> catalog.definePromotion(second)).isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo("catalog.promotion.introductory-taken");
	}

	@Test
	void broadbandLabelShowsTheTiersIntroductoryRate() {
		var offering = randomOfferingCode();
		var tier = CatalogFixtures.cappedTier("65.00");
		catalog.define(offering, new LocalizedText("Internet 500", "Internet 500"), text("i"), tier);
		assertThat(catalog.broadbandLabel(offering).isIntroductoryRate()).isFalse();

		catalog.definePromotion(
				Promotion.introductory(randomPromotionCode(), offering, text("Intro"), Money.usd("20.00"), 12));
		catalog.definePromotion(Promotion.forMonths(randomPromotionCode(), offering, text("Other"), Money.usd("5.00"), 6));
		var label = catalog.broadbandLabel(offering);

		assertThat(label.uniquePlanIdentifier()).isEqualTo(tier.fccPlanId());
		assertThat(label.planName().in(Language.ES_US)).isEqualTo("Internet 500");
		assertThat(label.monthlyPrice()).isEqualTo(Money.usd("45.00"));
		assertThat(label.introductoryRate()).isEqualTo(new BroadbandLabel.IntroductoryRate(12, Money.usd("65.00")));
		assertThat(label.terms()).isEqualTo(tier.terms());
		assertThat(label.typical()).isEqualTo(tier.typical());
		assertThat(label.dataIncluded(Language.EN_US)).isEqualTo("1,200 GB");
	}

	@Test
	void onlyInternetTiersHaveABroadbandLabel() {
		var offering = randomOfferingCode();
		catalog.define(offering, text("TV"), text("TV"), CatalogFixtures.tvPackage("59.99"));

		assertThatThrownBy(() -> catalog.broadbandLabel(offering)).isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo("catalog.broadband-label.not-internet");
	}

	private int count(String table, OfferingCode code) {
		String column = table.equals("catalog.offering") ? "code" : "offering_code";
		return jdbc.sql("select count(*) from " + table + " where " + column + " = :code")
			.param("code", code.value())
			.query(Integer.class)
			.single();
	}
}
