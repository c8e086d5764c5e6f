package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.portico.shared.Money;

/** Billing cycles and proration by day (DECISIONS.md: monthly price × days / days in the cycle, HALF_EVEN). */
class BillingCycleUnitTests {

	@Test
	void aDayBelongsToTheCycleThatStartedOnTheLastBillingDay() {
		assertThat(BillingCycle.containing(LocalDate.parse("2030-03-11"), 12))
			.isEqualTo(new BillingCycle(LocalDate.parse("2030-02-12"), LocalDate.parse("2030-03-12")));
		assertThat(BillingCycle.containing(LocalDate.parse("2030-03-12"), 12))
			.isEqualTo(new BillingCycle(LocalDate.parse("2030-03-12"), LocalDate.parse("2030-04-12")));
		assertThat(BillingCycle.containing(LocalDate.parse("2030-01-03"), 28).start()).isEqualTo("2029-12-28");
	}

	@Test
	void theFirstStatementIsOnTheNextBillingDayOrThatDay() {
		assertThat(BillingCycle.firstStatementOnOrAfter(LocalDate.parse("2030-03-12"), 12)).isEqualTo("2030-03-12");
		assertThat(BillingCycle.firstStatementOnOrAfter(LocalDate.parse("2030-03-13"), 12)).isEqualTo("2030-04-12");
	}

	@Test
	void aStretchIsCutAtEachCycleItCrosses() {
		var pieces = BillingCycle.pieces(LocalDate.parse("2030-01-20"), LocalDate.parse("2030-04-01"), 12);

		assertThat(pieces).extracting(piece -> piece.from() + ".." + piece.to() + " " + piece.isWholeCycle())
			.containsExactly("2030-01-20..2030-02-12 false", "2030-02-12..2030-03-12 true",
					"2030-03-12..2030-04-01 false");
	}

	@Test
	void proratesByTheDaysOfItsOwnCycle() {
		// February 12 – March 11 has 28 days, March 12 – April 11 has 31
		var february = new CyclePiece(BillingCycle.starting(LocalDate.parse("2030-02-12")),
				LocalDate.parse("2030-02-26"), LocalDate.parse("2030-03-12"));
		var march = new CyclePiece(BillingCycle.starting(LocalDate.parse("2030-03-12")), LocalDate.parse("2030-03-26"),
				LocalDate.parse("2030-04-12"));

		assertThat(february.prorate(Money.usd("56.00"))).isEqualTo(Money.usd("28.00"));
		assertThat(march.prorate(Money.usd("62.00"))).isEqualTo(Money.usd("34.00"));
	}

	@Test
	void roundsHalfToEvenPerLine() {
		// 15 of 30 days of $10.01 is $5.005: half-even gives $5.00 (half-up would give $5.01)
		var half = new CyclePiece(BillingCycle.starting(LocalDate.parse("2030-04-12")), LocalDate.parse("2030-04-27"),
				LocalDate.parse("2030-05-12"));

		assertThat(half.prorate(Money.usd("10.01"))).isEqualTo(Money.usd("5.00"));
		assertThat(half.prorate(Money.usd("10.03"))).isEqualTo(Money.usd("5.02"));
	}

	@Test
	void aWholeCycleIsTheMonthlyPriceWhateverItsLength() {
		var whole = new CyclePiece(BillingCycle.starting(LocalDate.parse("2030-02-12")), LocalDate.parse("2030-02-12"),
				LocalDate.parse("2030-03-12"));

		assertThat(whole.prorate(Money.usd("65.00"))).isEqualTo(Money.usd("65.00"));
	}
}
