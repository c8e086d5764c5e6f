package org.portico.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;

class CatalogPromotionUnitTests {

	private static final OfferingCode INTERNET_500 = OfferingCode.of("INTERNET-500");

	private static final LocalizedText NAME = CatalogFixtures.text("$20 off for 12 months");

	@Test
	void durationPromotionEndsThatManyMonthsAfterTheStartOfService() {
		var promotion = Promotion.forMonths(PromotionCode.of("P20"), INTERNET_500, NAME, Money.usd("20.00"), 12);
		assertThat(promotion.endsOn(LocalDate.of(2026, 1, 15))).isEqualTo(LocalDate.of(2027, 1, 15));
		assertThat(promotion.endsOn(LocalDate.of(2026, 8, 31))).isEqualTo(LocalDate.of(2027, 8, 31));
	}

	@Test
	void durationFromTheEndOfAMonthEndsAtTheEndOfTheShorterMonth() {
		var promotion = Promotion.forMonths(PromotionCode.of("P1"), INTERNET_500, NAME, Money.usd("20.00"), 1);
		assertThat(promotion.endsOn(LocalDate.of(2027, 1, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
		var yearLong = Promotion.forMonths(PromotionCode.of("P12"), INTERNET_500, NAME, Money.usd("20.00"), 12);
		assertThat(yearLong.endsOn(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2029, 2, 28));
	}

	@Test
	void fixedEndPromotionEndsOnItsDateWhateverTheStart() {
		var promotion = Promotion.until(PromotionCode.of("SPRING"), INTERNET_500, NAME, Money.usd("10.00"),
				LocalDate.of(2027, 4, 1));
		assertThat(promotion.endsOn(LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2027, 4, 1));
		assertThat(promotion.hasEndedBy(LocalDate.of(2027, 3, 31))).isFalse();
		assertThat(promotion.hasEndedBy(LocalDate.of(2027, 4, 1))).isTrue();
	}

	@Test
	void durationPromotionNeverEnds() {
		var promotion = Promotion.forMonths(PromotionCode.of("P20"), INTERNET_500, NAME, Money.usd("20.00"), 12);
		assertThat(promotion.hasEndedBy(LocalDate.of(2099, 1, 1))).isFalse();
	}

	@Test
	void hasEitherAnEndDateOrADuration() {
		assertThatThrownBy(() -> new Promotion(PromotionCode.of("BOTH"), INTERNET_500, NAME, Money.usd("5.00"),
				LocalDate.of(2027, 1, 1), 12, false))
			.isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> new Promotion(PromotionCode.of("NONE"), INTERNET_500, NAME, Money.usd("5.00"), null,
				null, false))
			.isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> Promotion.forMonths(PromotionCode.of("LONG"), INTERNET_500, NAME, Money.usd("5.00"), 61))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void introductoryRateLastsANumberOfMonths() {
		assertThatThrownBy(() -> new Promotion(PromotionCode.of("INTRO"), INTERNET_500, NAME, Money.usd("5.00"),
				LocalDate.of(2027, 1, 1), null, true))
			.isInstanceOf(InvalidValueException.class);
		assertThat(Promotion.introductory(PromotionCode.of("INTRO"), INTERNET_500, NAME, Money.usd("5.00"), 12)
			.introductory()).isTrue();
	}

	@Test
	void discountIsMoreThanZero() {
		assertThatThrownBy(() -> Promotion.forMonths(PromotionCode.of("ZERO"), INTERNET_500, NAME, Money.usd("0"), 12))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void discountedPriceNeverGoesBelowZero() {
		var promotion = Promotion.forMonths(PromotionCode.of("P20"), INTERNET_500, NAME, Money.usd("20.00"), 12);
		assertThat(promotion.discounted(Money.usd("65.00"))).isEqualTo(Money.usd("45.00"));
		assertThat(promotion.discounted(Money.usd("15.00"))).isEqualTo(Money.usd("0.00"));
		assertThat(promotion.appliesTo(INTERNET_500)).isTrue();
		assertThat(promotion.appliesTo(OfferingCode.of("INTERNET-300"))).isFalse();
	}
}
