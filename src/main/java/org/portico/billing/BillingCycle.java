package org.portico.billing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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
	 * The stretches of from {@code from} up to {@code to} within each cycle it touches, so that each is priced against its
	 * own cycle's length.
	 */
	static List<CyclePiece> pieces(LocalDate from, LocalDate to, int billingDay) {
		var pieces = new ArrayList<CyclePiece>();
		BillingCycle cycle = containing(from, billingDay);
		while (cycle.start.isBefore(to)) {
			LocalDate pieceFrom = from.isAfter(cycle.start) ? from : cycle.start;
			LocalDate pieceTo = to.isBefore(cycle.end) ? to : cycle.end;
			if (pieceFrom.isBefore(pieceTo)) {
				pieces.add(new CyclePiece(cycle, pieceFrom, pieceTo));
			}
			cycle = starting(cycle.end);
		}
		return pieces;
	}
}
