package org.portico.billing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.portico.billing.LineType;
import org.portico.billing.Statement;
import org.portico.billing.StatementLine;
import org.portico.catalog.OfferingKind;
import org.portico.shared.Language;
import org.portico.shared.Money;

/**
 * A statement laid out as a bill: monthly services by kind (each discount under its service), then
 * partial-month charges and credits, one-time charges, usage, late fees and adjustments, taxes and fees,
 * and payments and credits received. Sections without lines are left out.
 */
record StatementView(Statement statement, List<Section> sections) {

	/** A part of the bill: its heading's message key, its groups of rows and what they add up to. */
	record Section(String key, List<Group> groups, Money subtotal) {

		/** Every row of the section, for sections without sub-groups. */
		public List<Row> rows() {
			return groups.stream().flatMap(group -> group.rows().stream()).toList();
		}
	}

	/** Rows under a sub-heading (monthly services by kind); {@code key} null without one. */
	record Group(@Nullable String key, List<Row> rows) {
	}

	/**
	 * One line of the bill as read: its name in the viewer's language, what it covers (a period, “N of M
	 * days”, a date) and its amount; {@code discount} rows sit indented under their service.
	 */
	record Row(String name, @Nullable LocalDate from, @Nullable LocalDate through, long days, long cycleDays,
			@Nullable LocalDate on, Money amount, boolean discount) {

		public boolean isPartialMonth() {
			return days > 0 && cycleDays > 0 && days != cycleDays;
		}

		public boolean isCredit() {
			return amount.isNegative();
		}
	}

	private static final Map<String, List<OfferingKind>> SERVICE_GROUPS = new LinkedHashMap<>();

	static {
		SERVICE_GROUPS.put("internet", List.of(OfferingKind.INTERNET));
		SERVICE_GROUPS.put("tv", List.of(OfferingKind.TV, OfferingKind.TV_ADDON));
		SERVICE_GROUPS.put("phone", List.of(OfferingKind.PHONE, OfferingKind.PHONE_FEATURE));
		SERVICE_GROUPS.put("equipment", List.of(OfferingKind.EQUIPMENT));
	}

	static StatementView of(Statement statement, Language language) {
		var sections = new ArrayList<Section>();
		add(sections, statement, "monthly", monthly(statement, language));
		add(sections, statement, "prorated",
				List.of(new Group(null, withDiscounts(statement, language, LineType.PRORATED, LineType.PRORATED_DISCOUNT))));
		add(sections, statement, "one-time", single(statement, language, LineType.ONE_TIME));
		add(sections, statement, "usage", single(statement, language, LineType.USAGE));
		add(sections, statement, "fees", single(statement, language, LineType.LATE_FEE, LineType.ADJUSTMENT));
		add(sections, statement, "taxes", single(statement, language, LineType.TAX));
		add(sections, statement, "payments", single(statement, language, LineType.PAYMENT, LineType.CREDIT));
		return new StatementView(statement, sections);
	}

	/** Amounts with a real minus sign (read out as “minus”), in the fixed {@code $1,234.56} format. */
	static String signed(Money amount) {
		return amount.isNegative() ? "\u2212" + amount.times(-1).formatted() : amount.formatted();
	}

	private static void add(List<Section> sections, Statement statement, String key, List<Group> groups) {
		List<Group> filled = groups.stream().filter(group -> !group.rows().isEmpty()).toList();
		if (filled.isEmpty()) {
			return;
		}
		Money subtotal = filled.stream()
			.flatMap(group -> group.rows().stream())
			.map(Row::amount)
			.reduce(Money.zero(statement.amountDue().currency()), Money::plus);
		sections.add(new Section(key, filled, subtotal));
	}

	private static List<Group> monthly(Statement statement, Language language) {
		List<Row> rows = withDiscounts(statement, language, LineType.MONTHLY, LineType.DISCOUNT);
		List<StatementLine> lines = ordered(statement, LineType.MONTHLY, LineType.DISCOUNT);
		var groups = new ArrayList<Group>();
		for (Map.Entry<String, List<OfferingKind>> group : SERVICE_GROUPS.entrySet()) {
			var inGroup = new ArrayList<Row>();
			for (int i = 0; i < lines.size(); i++) {
				if (group.getValue().contains(lines.get(i).kind())) {
					inGroup.add(rows.get(i));
				}
			}
			groups.add(new Group(group.getKey(), inGroup));
		}
		// a line of a kind no group names (none today) is still shown, never dropped
		var other = new ArrayList<Row>();
		for (int i = 0; i < lines.size(); i++) {
			OfferingKind kind = lines.get(i).kind();
			if (SERVICE_GROUPS.values().stream().noneMatch(kinds -> kinds.contains(kind))) {
				other.add(rows.get(i));
			}
		}
		groups.add(new Group("other", other));
		return groups;
	}

	/** Charge lines, each followed by the discount lines of its subscription. */
	private static List<Row> withDiscounts(Statement statement, Language language, LineType charge,
			LineType discount) {
		return ordered(statement, charge, discount).stream().map(line -> row(statement, language, line)).toList();
	}

	private static List<StatementLine> ordered(Statement statement, LineType charge, LineType discount) {
		var ordered = new ArrayList<StatementLine>();
		var discounts = new ArrayList<>(statement.lines(discount));
		for (StatementLine line : statement.lines(charge)) {
			ordered.add(line);
			var mine = discounts.stream()
				.filter(d -> d.subscription() != null && d.subscription().equals(line.subscription())
						&& (d.from() == null || line.from() == null
								|| (!d.from().isBefore(line.from()) && !d.to().isAfter(line.to()))))
				.toList();
			ordered.addAll(mine);
			discounts.removeAll(mine);
		}
		ordered.addAll(discounts);
		return ordered;
	}

	private static List<Group> single(Statement statement, Language language, LineType... types) {
		var rows = new ArrayList<Row>();
		for (StatementLine line : statement.lines()) {
			if (List.of(types).contains(line.type())) {
				rows.add(row(statement, language, line));
			}
		}
		return List.of(new Group(null, rows));
	}

	private static Row row(Statement statement, Language language, StatementLine line) {
		boolean discount = line.type() == LineType.DISCOUNT || line.type() == LineType.PRORATED_DISCOUNT;
		return new Row(line.name(language), line.from(), line.through(), line.days(), statement.cycleDaysOf(line),
				line.on(), statement.amount(line), discount);
	}
}
