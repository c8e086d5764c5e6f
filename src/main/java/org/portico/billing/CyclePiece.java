package org.portico.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Money;

/** Part (or all) of one billing cycle, priced against that cycle's length. */
record CyclePiece(BillingCycle cycle, LocalDate from, LocalDate to) {

	boolean isWholeCycle() {
		return from.equals(cycle.start()) && to.equals(cycle.end());
	}

	long days() {
		return ChronoUnit.DAYS.between(from, to);
	}

	/** A monthly amount for this piece: whole, or by day (DECISIONS.md: × days / days in the cycle, HALF_EVEN). */
	Money prorate(Money monthly) {
		if (isWholeCycle()) {
			return monthly;
		}
		return new Money(monthly.amount()
			.multiply(BigDecimal.valueOf(days()))
			.divide(BigDecimal.valueOf(cycle.days()), monthly.currency().getDefaultFractionDigits(),
					RoundingMode.HALF_EVEN),
				monthly.currency());
	}

	/** The days of this piece that also fall in from {@code from} up to {@code to}, or null when none do. */
	@Nullable CyclePiece overlap(LocalDate otherFrom, LocalDate otherTo) {
		LocalDate start = otherFrom.isAfter(from) ? otherFrom : from;
		LocalDate end = otherTo.isBefore(to) ? otherTo : to;
		return start.isBefore(end) ? new CyclePiece(cycle, start, end) : null;
	}
}
