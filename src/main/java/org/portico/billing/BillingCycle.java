package org.portico.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Money;

/**
 * One billing cycle of an account: from a billing day up to (not including) the same day next month.
 * Billing days are 1–28, so every month has one.
 */
record BillingCycle(LocalDate start, LocalDate end) {

	static BillingCycle starting(LocalDate start) {
		return new BillingCycle(start, start.plusMonths(1));
	}

	/** The cycle a day falls in for an account billed on {@code billingDay}. */
	static BillingCycle containing(LocalDate day, int billingDay) {
		LocalDate start = day.getDayOfMonth() >= billingDay ? day.withDayOfMonth(billingDay)
				: day.minusMonths(1).withDayOfMonth(billingDay);
		return starting(start);
	}

	/** The first billing day on or after {@code day}. */
	static LocalDate firstStatementOnOrAfter(LocalDate day, int billingDay) {
		BillingCycle cycle = containing(day, billingDay);
		return cycle.start.equals(day) ? day : cycle.end;
	}

	long days() {
		return ChronoUnit.DAYS.between(start, end);
	}

	BillingCycle previous() {
		return starting(start.minusMonths(1));
	}

	/**
	 * The stretches of {@code [from, to)} within each cycle it touches, so that each is priced against its
	 * own cycle's length.
	 */
	static List<Piece> pieces(LocalDate from, LocalDate to, int billingDay) {
		var pieces = new ArrayList<Piece>();
		BillingCycle cycle = containing(from, billingDay);
		while (cycle.start.isBefore(to)) {
			LocalDate pieceFrom = from.isAfter(cycle.start) ? from : cycle.start;
			LocalDate pieceTo = to.isBefore(cycle.end) ? to : cycle.end;
			if (pieceFrom.isBefore(pieceTo)) {
				pieces.add(new Piece(cycle, pieceFrom, pieceTo));
			}
			cycle = starting(cycle.end);
		}
		return pieces;
	}

	/** Part (or all) of one cycle. */
	record Piece(BillingCycle cycle, LocalDate from, LocalDate to) {

		boolean isWholeCycle() {
			return from.equals(cycle.start) && to.equals(cycle.end);
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

		/** The days of this piece that also fall in {@code [from, to)}, or null when none do. */
		@Nullable Piece overlap(LocalDate otherFrom, LocalDate otherTo) {
			LocalDate start = otherFrom.isAfter(from) ? otherFrom : from;
			LocalDate end = otherTo.isBefore(to) ? otherTo : to;
			return start.isBefore(end) ? new Piece(cycle, start, end) : null;
		}
	}
}
