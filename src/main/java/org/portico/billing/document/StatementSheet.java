package org.portico.billing.document;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.portico.billing.LineType;
import org.portico.billing.Statement;
import org.portico.billing.StatementLine;
import org.portico.catalog.OfferingKind;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.portico.shared.PostalAddress;

/**
 * What the statement template prints, worked out in Java so that the template only lays it out: dates
 * and amounts formatted for the statement's language, and the lines grouped into the sections of a bill
 * (monthly services by kind, partial-month charges, one-time charges, usage, late fees, adjustments,
 * taxes and fees, payments and credits). Section totals add up to the statement's summary, because
 * sections follow the same split the billing run used: new charges are every line but taxes, payments
 * and credits.
 */
record StatementSheet(Statement statement, String accountNumber, String statementDate, String periodFrom,
		String periodThrough, String dueDate, String previousBalance, String paymentsAndCredits, String newCharges,
		String taxes, String amountDue, boolean nothingToPay, List<String> billTo, List<String> serviceAddress,
		List<Section> charges, Section taxSection, Section paymentSection) {

	private static final Set<LineType> MONTHLY = EnumSet.of(LineType.MONTHLY, LineType.DISCOUNT);

	private static final Set<LineType> PRORATED = EnumSet.of(LineType.PRORATED, LineType.PRORATED_DISCOUNT);

	static StatementSheet of(Statement statement) {
		Language language = statement.language();
		DateTimeFormatter longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
		DateTimeFormatter shortDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(language.locale());
		var lines = new Lines(statement, shortDate);

		var charges = new ArrayList<Section>();
		var monthly = new LinkedHashMap<String, List<Row>>();
		for (StatementLine line : statement.lines()) {
			if (MONTHLY.contains(line.type())) {
				monthly.computeIfAbsent(group(line.kind()), key -> new ArrayList<>()).add(lines.row(line));
			}
		}
		if (!monthly.isEmpty()) {
			var groups = new ArrayList<Group>();
			monthly.forEach((key, rows) -> groups.add(new Group(key, rows)));
			charges.add(new Section("monthly", groups, lines.total(MONTHLY)));
		}
		charges.add(lines.section("prorated", PRORATED));
		charges.add(lines.section("one-time", EnumSet.of(LineType.ONE_TIME)));
		charges.add(lines.section("usage", EnumSet.of(LineType.USAGE)));
		charges.add(lines.section("late-fee", EnumSet.of(LineType.LATE_FEE)));
		charges.add(lines.section("adjustments", EnumSet.of(LineType.ADJUSTMENT)));
		charges.removeIf(section -> section.groups().isEmpty());

		return new StatementSheet(statement, statement.accountNumber().display(),
				longDate.format(statement.statementDate()), shortDate.format(statement.cycleStart()),
				shortDate.format(statement.cycleThrough()), longDate.format(statement.dueDate()),
				statement.previousBalance().formatted(), statement.paymentsAndCredits().formatted(),
				statement.newCharges().formatted(), statement.taxes().formatted(), statement.amountDue().formatted(),
				statement.amountDue().isNegative() || statement.amountDue().isZero(), addressLines(statement.billTo()),
				addressLines(statement.serviceAddress()), List.copyOf(charges),
				lines.section("taxes", EnumSet.of(LineType.TAX)),
				lines.section("payments", EnumSet.of(LineType.PAYMENT, LineType.CREDIT)));
	}

	/** The holder's name and the bill-to address as printed in the envelope window. */
	List<String> mailingLines() {
		var mailing = new ArrayList<String>();
		mailing.add(statement.holderName());
		mailing.addAll(billTo);
		return mailing;
	}

	/** The monthly-services heading a line goes under: equipment apart, add-ons and features with their service. */
	private static String group(@Nullable OfferingKind kind) {
		if (kind == null) {
			return "other";
		}
		return switch (kind) {
			case INTERNET -> "internet";
			case TV, TV_ADDON -> "tv";
			case PHONE, PHONE_FEATURE -> "phone";
			case EQUIPMENT -> "equipment";
		};
	}

	static List<String> addressLines(PostalAddress address) {
		var lines = new ArrayList<String>();
		lines.add(address.line1());
		if (address.line2() != null) {
			lines.add(address.line2());
		}
		lines.add(address.city() + ", " + address.state() + " " + address.zip());
		return List.copyOf(lines);
	}

	/** A section of the bill: its lines under zero or more headings, and its total. */
	record Section(String key, List<Group> groups, String total) {
	}

	/** Lines under one heading (monthly services by kind); {@code key} null for a section without headings. */
	record Group(@Nullable String key, List<Row> rows) {
	}

	/**
	 * One printed line.
	 *
	 * @param when the period a service line covers, or the date of a payment, credit or one-time entry
	 * @param days the number of days a partial-month line covers, zero otherwise
	 * @param credit whether it is in the customer's favour (printed as a credit)
	 */
	record Row(String description, @Nullable String when, long days, String amount, boolean credit) {
	}

	private static final class Lines {

		private final Statement statement;

		private final DateTimeFormatter date;

		Lines(Statement statement, DateTimeFormatter date) {
			this.statement = statement;
			this.date = date;
		}

		Section section(String key, Set<LineType> types) {
			List<Row> rows = statement.lines().stream().filter(line -> types.contains(line.type())).map(this::row).toList();
			return new Section(key, rows.isEmpty() ? List.of() : List.of(new Group(null, rows)), total(types));
		}

		String total(Set<LineType> types) {
			long sum = statement.lines()
				.stream()
				.filter(line -> types.contains(line.type()))
				.mapToLong(StatementLine::amountMinor)
				.sum();
			return Money.ofMinor(sum, statement.amountDue().currency()).formatted();
		}

		Row row(StatementLine line) {
			String when = null;
			if (line.from() != null && line.through() != null) {
				LocalDate through = line.through();
				when = line.from().equals(through) ? date.format(through)
						: date.format(line.from()) + " – " + date.format(through);
			}
			else if (line.on() != null) {
				when = date.format(line.on());
			}
			boolean partial = line.type() == LineType.PRORATED || line.type() == LineType.PRORATED_DISCOUNT;
			return new Row(line.name(statement.language()), when, partial ? line.days() : 0,
					statement.amount(line).formatted(), line.amountMinor() < 0);
		}
	}
}
