package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** Which expiry months the daily warning covers: those whose last day is within the warning period. */
class CardExpiryWarningsUnitTests {

	@Test
	void coversTheMonthsEndingWithinTheWarningPeriod() {
		assertThat(CardExpiryWarnings.lastExpiryToWarn(LocalDate.of(2035, 3, 1), 30)).isEqualTo(YearMonth.of(2035, 3));
		assertThat(CardExpiryWarnings.lastExpiryToWarn(LocalDate.of(2035, 3, 2), 30)).isEqualTo(YearMonth.of(2035, 3));
		assertThat(CardExpiryWarnings.lastExpiryToWarn(LocalDate.of(2035, 2, 28), 30)).isEqualTo(YearMonth.of(2035, 2));
		assertThat(CardExpiryWarnings.lastExpiryToWarn(LocalDate.of(2035, 12, 15), 30)).isEqualTo(YearMonth.of(2035, 12));
		assertThat(CardExpiryWarnings.lastExpiryToWarn(LocalDate.of(2035, 3, 1), 0)).isEqualTo(YearMonth.of(2035, 2));
	}

	@Test
	void agreesWithTheCardsOwnExpiresWithin() {
		for (LocalDate today = LocalDate.of(2035, 1, 1); today.getYear() == 2035; today = today.plusDays(1)) {
			YearMonth last = CardExpiryWarnings.lastExpiryToWarn(today, 30);
			assertThat(card(last).expiresWithin(today, 30) || last.isBefore(YearMonth.from(today))).as(today.toString())
				.isTrue();
			assertThat(card(last.plusMonths(1)).expiresWithin(today, 30)).as(today.toString()).isFalse();
		}
	}

	private static PaymentMethod card(YearMonth expires) {
		return new PaymentMethod(PaymentMethodId.random(),
				new org.portico.customer.ServiceAccountId(java.util.UUID.randomUUID()), PaymentMethodKind.CARD, "4242",
				"visa", expires, null, null, null, null, false, java.time.Instant.EPOCH);
	}
}
