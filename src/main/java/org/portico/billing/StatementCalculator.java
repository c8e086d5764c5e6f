package org.portico.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.portico.billing.StatementDraft.Posting;
import org.portico.catalog.LocalizedText;
import org.portico.catalog.Offering;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.Promotion;
import org.portico.catalog.PromotionCode;
import org.portico.customer.ServiceAccount;
import org.portico.shared.Money;
import org.portico.subscriptions.Subscription;

/**
 * Works out one statement from what billing knows of an account (DECISIONS.md “Billing rules”), without
 * touching the database: the billing run gathers the inputs for a whole batch and writes the drafts.
 *
 * <p>Each subscription is billed up to a date. A statement brings every subscription up to the end of
 * the cycle it bills (in advance) or, for one that ended or is suspended, to that day: what lies between
 * is charged by day (a start or change since the last statement, or a cycle caught up), what was billed
 * beyond it is credited (an end or suspension since). Promotion discounts follow the same days.
 */
final class StatementCalculator {

	private static final LocalizedText STATEMENT_CHARGES = LocalizedText.of("Statement charges",
			"Cargos del estado de cuenta");

	private static final LocalizedText STATEMENT_CREDITS = LocalizedText.of("Statement credits and discounts",
			"Créditos y descuentos del estado de cuenta");

	private static final LocalizedText STATEMENT_TAXES = LocalizedText.of("Taxes and fees", "Impuestos y cargos");

	private static final Comparator<Subscription> BILL_ORDER = Comparator.comparing(Subscription::kind)
		.thenComparing(Subscription::startedOn)
		.thenComparing(subscription -> subscription.offering().value())
		.thenComparing(subscription -> subscription.id().value());

	private final BillingProperties properties;

	StatementCalculator(BillingProperties properties) {
		this.properties = properties;
	}

	StatementDraft calculate(Input in) {
		BillingCycle cycle = in.cycle();
		int billingDay = in.account().billingDay();
		var serviceLines = new ArrayList<StatementLine>();
		var proratedLines = new ArrayList<StatementLine>();
		Map<UUID, Optional<LocalDate>> billedThrough = new LinkedHashMap<>();
		LocalDate firstStatement = BillingCycle.firstStatementOnOrAfter(in.enrolledOn(), billingDay);

		List<Subscription> subscriptions = new ArrayList<>(in.subscriptions());
		subscriptions.sort(BILL_ORDER);
		for (Subscription subscription : subscriptions) {
			UUID id = subscription.id().value();
			boolean known = in.billed().containsKey(id);
			LocalDate current = known ? orElse(in.billed().get(id).billedThrough(), cycle.start()) : null;
			LocalDate target = cycle.end();
			if (subscription.endedOn() != null && subscription.endedOn().isBefore(target)) {
				target = subscription.endedOn();
			}
			if (subscription.suspendedOn() != null && subscription.suspendedOn().isBefore(target)) {
				target = subscription.suspendedOn();
			}
			if (current == null) {
				// never billed: from its start, but what ran before billing knew the account was billed elsewhere
				LocalDate from = subscription.startedOn();
				if (from.isBefore(in.enrolledOn()) && from.isBefore(firstStatement)) {
					from = firstStatement;
				}
				if (!from.isBefore(target)) {
					continue;
				}
				current = from;
			}
			Offering offering = in.offerings().apply(subscription.offering());
			Promotion promotion = subscription.promotion() == null ? null
					: in.promotions().apply(subscription.promotion());
			if (target.isAfter(current)) {
				charge(subscription, offering, promotion, current, target, +1, cycle, billingDay, serviceLines,
						proratedLines);
			}
			else if (target.isBefore(current)) {
				charge(subscription, offering, promotion, target, current, -1, cycle, billingDay, serviceLines,
						proratedLines);
			}
			Optional<LocalDate> state = target.equals(cycle.end()) ? Optional.empty() : Optional.of(target);
			if (!known || !state.equals(Optional.ofNullable(in.billed().get(id).billedThrough()))) {
				billedThrough.put(id, state);
			}
		}

		var lines = new ArrayList<StatementLine>(serviceLines);
		lines.addAll(proratedLines);
		for (UsageCharge usage : in.usage()) {
			lines.add(new StatementLine(LineType.USAGE, usage.name(), usage.from(), usage.to(),
					usage.amount().minorUnits(), null, null, null, null));
		}
		long charges = 0;
		long credits = 0;
		for (StatementLine line : lines) {
			if (line.amountMinor() >= 0) {
				charges += line.amountMinor();
			}
			else {
				credits += line.amountMinor();
			}
		}
		List<StatementLine> taxes = taxes(lines, in.account().serviceAddress().state());
		long taxTotal = taxes.stream().mapToLong(StatementLine::amountMinor).sum();

		// what happened on the account since the last statement
		long paymentsAndCredits = 0;
		long activityCharges = 0;
		var activityLines = new ArrayList<StatementLine>();
		var paymentLines = new ArrayList<StatementLine>();
		for (Activity entry : in.activity()) {
			LineType type = switch (entry.type()) {
				case PAYMENT -> LineType.PAYMENT;
				case CREDIT -> LineType.CREDIT;
				case CHARGE -> LineType.ONE_TIME;
				case LATE_FEE -> LineType.LATE_FEE;
				case TAX -> LineType.TAX;
				case REFUND, ADJUSTMENT -> entry.amountMinor() < 0 ? LineType.CREDIT : LineType.ADJUSTMENT;
			};
			var line = new StatementLine(type, entry.description(), null, null, entry.amountMinor(), null, null, null,
					entry.effectiveOn());
			if (type.isPaymentOrCredit()) {
				paymentsAndCredits += entry.amountMinor();
				paymentLines.add(line);
			}
			else if (type == LineType.TAX) {
				taxTotal += entry.amountMinor();
				taxes.add(line);
			}
			else {
				activityCharges += entry.amountMinor();
				activityLines.add(line);
			}
		}
		activityLines.sort(Comparator.comparing(StatementLine::type).thenComparing(StatementLine::on));
		lines.addAll(activityLines);
		lines.addAll(taxes);
		lines.addAll(paymentLines);

		var postings = new ArrayList<Posting>();
		if (charges > 0) {
			postings.add(new Posting(LedgerEntryType.CHARGE, charges, STATEMENT_CHARGES, null));
		}
		if (credits < 0) {
			postings.add(new Posting(LedgerEntryType.CREDIT, credits, STATEMENT_CREDITS, null));
		}
		long postedTaxes = taxTotal - activityTaxes(in.activity());
		if (postedTaxes != 0) {
			postings.add(new Posting(LedgerEntryType.TAX, postedTaxes, STATEMENT_TAXES, null));
		}
		long previousBalance = in.previous() == null ? 0 : in.previous().amountDueMinor();
		return new StatementDraft(cycle, cycle.start().plusDays(properties.paymentTermDays()), previousBalance,
				paymentsAndCredits, charges + credits + activityCharges, taxTotal, lines, postings, billedThrough,
				in.ledgerWatermark());
	}

	private static long activityTaxes(List<Activity> activity) {
		return activity.stream().filter(entry -> entry.type() == LedgerEntryType.TAX).mapToLong(Activity::amountMinor).sum();
	}

	/**
	 * Lines for from {@code from} up to {@code to} of one subscription: the coming cycle whole as its monthly charge, every
	 * other stretch by day; {@code sign} −1 credits days billed before that are no longer due.
	 */
	private void charge(Subscription subscription, Offering offering, @Nullable Promotion promotion, LocalDate from,
			LocalDate to, int sign, BillingCycle cycle, int billingDay, List<StatementLine> serviceLines,
			List<StatementLine> proratedLines) {
		Money price = offering.monthlyPrice();
		for (CyclePiece piece : BillingCycle.pieces(from, to, billingDay)) {
			boolean monthly = sign > 0 && piece.isWholeCycle() && piece.cycle().equals(cycle);
			List<StatementLine> target = monthly ? serviceLines : proratedLines;
			long amount = sign * piece.prorate(price).minorUnits();
			target.add(new StatementLine(monthly ? LineType.MONTHLY : LineType.PRORATED, offering.name(), piece.from(),
					piece.to(), amount, subscription.kind(), subscription.offering().value(),
					subscription.id().value().toString(), null));
			if (promotion != null && subscription.promotionEndsOn() != null) {
				CyclePiece discounted = piece.overlap(subscription.startedOn(), subscription.promotionEndsOn());
				if (discounted != null) {
					Money discount = discounted.prorate(promotion.monthlyDiscount());
					long discountMinor = Math.min(discount.minorUnits(), Math.abs(amount));
					target.add(new StatementLine(monthly ? LineType.DISCOUNT : LineType.PRORATED_DISCOUNT,
							promotion.name(), discounted.from(), discounted.to(), -sign * discountMinor, subscription.kind(),
							subscription.offering().value(), subscription.id().value().toString(), null));
				}
			}
		}
	}

	/** One line per configured tax: the per-line amounts (each rounded to the cent) added up. */
	private List<StatementLine> taxes(List<StatementLine> lines, String state) {
		var taxes = new ArrayList<StatementLine>();
		for (TaxRule rule : properties.taxesIn(state)) {
			long total = 0;
			for (StatementLine line : lines) {
				if (!rule.appliesTo(line.kind())) {
					continue;
				}
				if (rule.rate() != null) {
					total += BigDecimal.valueOf(line.amountMinor())
						.multiply(rule.rate())
						.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_EVEN)
						.longValueExact();
				}
				else if (line.type() == LineType.MONTHLY && rule.perLine() != null) {
					total += new Money(rule.perLine(), properties.currency()).minorUnits();
				}
			}
			if (total != 0) {
				taxes.add(new StatementLine(LineType.TAX, rule.text(), null, null, total, null, null, null, null));
			}
		}
		return taxes;
	}

	private static LocalDate orElse(@Nullable LocalDate date, LocalDate otherwise) {
		return date == null ? otherwise : date;
	}

	/** Everything one statement is worked out from. */
	record Input(ServiceAccount account, LocalDate enrolledOn, BillingCycle cycle, @Nullable PreviousStatement previous,
			List<Subscription> subscriptions, Map<UUID, BilledState> billed, Function<OfferingCode, Offering> offerings,
			Function<PromotionCode, Promotion> promotions, List<Activity> activity, long ledgerWatermark,
			List<UsageCharge> usage) {
	}

	/** The account's last statement. */
	record PreviousStatement(StatementId id, BillingCycle cycle, LocalDate dueDate, long amountDueMinor,
			long watermark) {
	}

	/** A ledger entry posted since the last statement. */
	record Activity(long id, LedgerEntryType type, long amountMinor, LocalDate effectiveOn, LocalizedText description) {
	}

	/** What billing recorded for a subscription it has billed: null means through the last cycle's end. */
	record BilledState(@Nullable LocalDate billedThrough) {
	}
}
