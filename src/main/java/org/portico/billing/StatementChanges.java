package org.portico.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.LocalizedText;
import org.portico.catalog.OfferingKind;
import org.portico.shared.Money;

/**
 * What changed on a statement since the one before, in the terms a customer asks about (“why is my bill
 * higher?”): services added, removed or changed, monthly prices, promotions that started or ended, charges
 * for part of a month, one-time charges, usage, late fees, adjustments, credits, taxes and an unpaid
 * balance carried over — each with its amount. Worked out from the two statements alone, as issued.
 *
 * <p>Recurring changes compare the monthly charges of each subscription (a plan change is a new
 * subscription, so it shows as one plan replaced by another); everything else lists what this statement
 * holds that a regular month does not.
 *
 * @param previousCharges the previous statement's new charges plus taxes (zero without one)
 * @param currentCharges this statement's new charges plus taxes
 * @param changes in the order a bill explainer reads them: services, prices, promotions, partial months,
 *     one-time items, taxes, balance carried over
 * @param first whether there was no previous statement to compare with
 */
public record StatementChanges(Money previousCharges, Money currentCharges, List<Change> changes, boolean first) {

	public StatementChanges {
		Objects.requireNonNull(previousCharges, "previousCharges");
		Objects.requireNonNull(currentCharges, "currentCharges");
		changes = List.copyOf(changes);
	}

	/** What one change is; the web layer words each with a message of its own. */
	public enum Type {
		/** A subscription billed monthly now that was not before; amount: its monthly charge after discounts. */
		SERVICE_ADDED,
		/** A subscription billed monthly before that is not now; amount: its monthly charge before, negated. */
		SERVICE_REMOVED,
		/**
		 * One plan replaced by another of the same service (Internet, TV or phone); subject: the new plan,
		 * replaced: the old one; amount: the difference in monthly charges after discounts.
		 */
		PLAN_CHANGED,
		/** The monthly price of a subscription that stayed; amount: the difference, before and after. */
		PRICE_CHANGED,
		/** A promotion on a subscription that stayed is gone; subject: the promotion; amount: the discount lost. */
		PROMOTION_ENDED,
		/** A new promotion on a subscription that stayed; amount: the discount, negative. */
		PROMOTION_STARTED,
		/** A promotion's discount changed (it ends part-way through the cycle); amount: the difference. */
		PROMOTION_CHANGED,
		/** A charge for part of a cycle (a service started or changed); amount after any prorated discount. */
		PRORATED_CHARGE,
		/** A credit for days no longer due (a service ended, changed or was suspended); amount negative. */
		PRORATED_CREDIT,
		/** A one-time charge (installation, a visit, an event). */
		ONE_TIME_CHARGE,
		/** Usage beyond the plan, billed in arrears. */
		USAGE_CHARGE,
		/** A late fee for a statement not paid in full by its due date. */
		LATE_FEE,
		/** An adjustment that raised the balance. */
		ADJUSTMENT,
		/** A credit in the customer's favour (goodwill, an outage); amount negative. */
		CREDIT,
		/** Taxes and fees differ from the previous statement's; amount: the difference, before and after. */
		TAXES_CHANGED,
		/** Part of earlier statements was not paid (positive) or was overpaid (negative) and carries over. */
		BALANCE_CARRIED_OVER
	}

	/**
	 * One change.
	 *
	 * @param subject what changed: a service, promotion, tax total or statement line name
	 * @param amount its effect on this statement or on the monthly charges; negative in the customer's favour
	 * @param service for promotions, the service they discount
	 * @param replaced for a plan change, the plan it replaced
	 * @param before for price, promotion and tax changes, the amount on the previous statement
	 * @param after for price, promotion and tax changes, the amount on this statement
	 * @param from for a partial month, the first day it covers
	 * @param through for a partial month, the last day it covers
	 * @param days for a partial month, how many days it covers
	 * @param cycleDays for a partial month, the days of the cycle it is priced against
	 * @param on for one-time charges, late fees, adjustments and credits, the day it was posted
	 */
	public record Change(Type type, LocalizedText subject, Money amount, @Nullable LocalizedText service,
			@Nullable LocalizedText replaced, @Nullable Money before, @Nullable Money after, @Nullable LocalDate from,
			@Nullable LocalDate through, long days, long cycleDays, @Nullable LocalDate on) {

		public Change {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(subject, "subject");
			Objects.requireNonNull(amount, "amount");
		}

		static Change of(Type type, LocalizedText subject, Money amount) {
			return new Change(type, subject, amount, null, null, null, null, null, null, 0, 0, null);
		}

		Change withService(@Nullable LocalizedText service) {
			return new Change(type, subject, amount, service, replaced, before, after, from, through, days, cycleDays, on);
		}

		Change withReplaced(LocalizedText replaced) {
			return new Change(type, subject, amount, service, replaced, before, after, from, through, days, cycleDays, on);
		}

		Change withBeforeAndAfter(Money before, Money after) {
			return new Change(type, subject, amount, service, replaced, before, after, from, through, days, cycleDays, on);
		}

		Change withDays(@Nullable LocalDate from, @Nullable LocalDate through, long days, long cycleDays) {
			return new Change(type, subject, amount, service, replaced, before, after, from, through, days, cycleDays, on);
		}

		Change withOn(@Nullable LocalDate on) {
			return new Change(type, subject, amount, service, replaced, before, after, from, through, days, cycleDays, on);
		}

		/** Whether it raises what the customer pays. */
		public boolean isIncrease() {
			return !amount.isNegative() && !amount.isZero();
		}
	}

	private static final LocalizedText TAXES = LocalizedText.of("Taxes and fees", "Impuestos y cargos");

	private static final LocalizedText BALANCE = LocalizedText.of("Balance from earlier statements",
			"Saldo de estados de cuenta anteriores");

	/**
	 * What changed from {@code previous} (null: this is the account's first statement, so only what it
	 * holds beyond a regular month is listed) to {@code current}.
	 */
	public static StatementChanges between(@Nullable Statement previous, Statement current) {
		Currency currency = current.amountDue().currency();
		var changes = new ArrayList<Change>();
		if (previous != null) {
			recurring(previous, current, currency, changes);
		}
		prorated(current, currency, changes);
		for (StatementLine line : current.lines()) {
			Type type = switch (line.type()) {
				case ONE_TIME -> Type.ONE_TIME_CHARGE;
				case USAGE -> Type.USAGE_CHARGE;
				case LATE_FEE -> Type.LATE_FEE;
				case ADJUSTMENT -> Type.ADJUSTMENT;
				case CREDIT -> Type.CREDIT;
				default -> null;
			};
			if (type != null) {
				changes.add(Change.of(type, line.name(), money(line.amountMinor(), currency))
					.withOn(line.on())
					.withDays(line.from(), line.through(), line.days(), 0));
			}
		}
		long taxesBefore = previous == null ? 0 : taxLines(previous);
		long taxesNow = taxLines(current);
		if (previous != null && taxesBefore != taxesNow) {
			changes.add(Change.of(Type.TAXES_CHANGED, TAXES, money(taxesNow - taxesBefore, currency))
				.withBeforeAndAfter(money(taxesBefore, currency), money(taxesNow, currency)));
		}
		// credits are listed on their own: what carries over is what payments left of the previous balance
		long payments = current.lines(LineType.PAYMENT).stream().mapToLong(StatementLine::amountMinor).sum();
		long carried = current.previousBalance().minorUnits() + payments;
		if (carried != 0) {
			changes.add(Change.of(Type.BALANCE_CARRIED_OVER, BALANCE, money(carried, currency)));
		}
		changes.sort(Comparator.comparing(Change::type));
		Money before = previous == null ? Money.zero(currency) : previous.newCharges().plus(previous.taxes());
		return new StatementChanges(before, current.newCharges().plus(current.taxes()), changes, previous == null);
	}

	/** How much more (positive) or less this statement's charges are than the previous one's. */
	public Money difference() {
		return currentCharges.minus(previousCharges);
	}

	public boolean isEmpty() {
		return changes.isEmpty();
	}

	/** Services, prices and promotions: the monthly charges of each subscription on both statements. */
	private static void recurring(Statement previous, Statement current, Currency currency, List<Change> changes) {
		Map<String, Recurring> before = recurring(previous);
		Map<String, Recurring> now = recurring(current);
		var added = new ArrayList<Recurring>();
		var removed = new ArrayList<Recurring>();
		for (Recurring service : now.values()) {
			Recurring earlier = before.get(service.key());
			if (earlier == null) {
				added.add(service);
				continue;
			}
			if (earlier.priceMinor() != service.priceMinor()) {
				changes.add(Change.of(Type.PRICE_CHANGED, service.name(),
						money(service.priceMinor() - earlier.priceMinor(), currency))
					.withBeforeAndAfter(money(earlier.priceMinor(), currency), money(service.priceMinor(), currency)));
			}
			if (earlier.discountMinor() != service.discountMinor()) {
				Type type = service.discountMinor() == 0 ? Type.PROMOTION_ENDED
						: earlier.discountMinor() == 0 ? Type.PROMOTION_STARTED : Type.PROMOTION_CHANGED;
				LocalizedText promotion = service.discountMinor() == 0 ? earlier.promotion() : service.promotion();
				changes.add(Change.of(type, Objects.requireNonNull(promotion),
						money(service.discountMinor() - earlier.discountMinor(), currency))
					.withService(service.name())
					.withBeforeAndAfter(money(earlier.discountMinor(), currency), money(service.discountMinor(), currency)));
			}
		}
		for (Recurring service : before.values()) {
			if (!now.containsKey(service.key())) {
				removed.add(service);
			}
		}
		for (Recurring service : added) {
			Recurring replaced = onlyOneOfKind(removed, service.kind());
			if (replaced != null && onlyOneOfKind(added, service.kind()) != null) {
				removed.remove(replaced);
				changes.add(Change.of(Type.PLAN_CHANGED, service.name(),
						money(service.netMinor() - replaced.netMinor(), currency))
					.withReplaced(replaced.name())
					.withBeforeAndAfter(money(replaced.netMinor(), currency), money(service.netMinor(), currency)));
			}
			else {
				changes.add(Change.of(Type.SERVICE_ADDED, service.name(), money(service.netMinor(), currency)));
			}
		}
		for (Recurring service : removed) {
			changes.add(Change.of(Type.SERVICE_REMOVED, service.name(), money(-service.netMinor(), currency)));
		}
	}

	/**
	 * The one subscription of {@code kind} in {@code services}, for a plan change: only the base services
	 * (Internet, TV, phone), since an add-on or a second TV box replacing another is not a plan change.
	 */
	private static @Nullable Recurring onlyOneOfKind(List<Recurring> services, @Nullable OfferingKind kind) {
		if (kind == null || !kind.isBaseService()) {
			return null;
		}
		List<Recurring> ofKind = services.stream().filter(service -> service.kind() == kind).toList();
		return ofKind.size() == 1 ? ofKind.get(0) : null;
	}

	/** Each subscription's monthly charge and discount on one statement, in bill order. */
	private static Map<String, Recurring> recurring(Statement statement) {
		Map<String, Recurring> services = new LinkedHashMap<>();
		for (StatementLine line : statement.lines()) {
			if (line.type() != LineType.MONTHLY && line.type() != LineType.DISCOUNT) {
				continue;
			}
			String key = key(line);
			Recurring service = services.get(key);
			if (line.type() == LineType.MONTHLY) {
				services.put(key, service == null
						? new Recurring(key, line.name(), line.kind(), line.amountMinor(), 0, null)
						: service.withName(line.name(), line.kind()).plusPrice(line.amountMinor()));
			}
			else {
				Recurring base = service == null ? new Recurring(key, line.name(), line.kind(), 0, 0, null) : service;
				services.put(key, base.plusDiscount(line.amountMinor(), line.name()));
			}
		}
		return services;
	}

	private static String key(StatementLine line) {
		if (line.subscription() != null) {
			return line.subscription();
		}
		return line.offering() != null ? "offering:" + line.offering() : "name:" + line.name().en();
	}

	/**
	 * Charges and credits for part of a cycle, one per prorated line, each net of the prorated discounts
	 * of the same subscription within its days.
	 */
	private static void prorated(Statement current, Currency currency, List<Change> changes) {
		List<StatementLine> discounts = current.lines(LineType.PRORATED_DISCOUNT);
		boolean[] counted = new boolean[discounts.size()];
		for (StatementLine line : current.lines(LineType.PRORATED)) {
			long amount = line.amountMinor();
			for (int i = 0; i < discounts.size(); i++) {
				if (!counted[i] && within(discounts.get(i), line)) {
					amount += discounts.get(i).amountMinor();
					counted[i] = true;
				}
			}
			Type type = line.amountMinor() < 0 ? Type.PRORATED_CREDIT : Type.PRORATED_CHARGE;
			changes.add(Change.of(type, line.name(), money(amount, currency))
				.withDays(line.from(), line.through(), line.days(), current.cycleDaysOf(line)));
		}
		// a discount without its charge (it cannot happen as the billing run works, but never hide an amount)
		for (int i = 0; i < discounts.size(); i++) {
			StatementLine discount = discounts.get(i);
			if (!counted[i]) {
				changes.add(Change.of(Type.PRORATED_CREDIT, discount.name(), money(discount.amountMinor(), currency))
					.withDays(discount.from(), discount.through(), discount.days(), current.cycleDaysOf(discount)));
			}
		}
	}

	private static boolean within(StatementLine discount, StatementLine line) {
		return Objects.equals(discount.subscription(), line.subscription()) && discount.from() != null
				&& discount.to() != null && line.from() != null && line.to() != null
				&& !discount.from().isBefore(line.from()) && !discount.to().isAfter(line.to())
				&& Long.signum(discount.amountMinor()) != Long.signum(line.amountMinor());
	}

	private static long taxLines(Statement statement) {
		return statement.lines(LineType.TAX).stream().mapToLong(StatementLine::amountMinor).sum();
	}

	private static Money money(long minor, Currency currency) {
		return Money.ofMinor(minor, currency);
	}

	/** One subscription's monthly charge (before discounts) and discount (negative) on a statement. */
	private record Recurring(String key, LocalizedText name, @Nullable OfferingKind kind, long priceMinor,
			long discountMinor, @Nullable LocalizedText promotion) {

		long netMinor() {
			return priceMinor + discountMinor;
		}

		Recurring withName(LocalizedText name, @Nullable OfferingKind kind) {
			return new Recurring(key, name, kind, priceMinor, discountMinor, promotion);
		}

		Recurring plusPrice(long minor) {
			return new Recurring(key, name, kind, priceMinor + minor, discountMinor, promotion);
		}

		Recurring plusDiscount(long minor, LocalizedText promotionName) {
			return new Recurring(key, name, kind, priceMinor, discountMinor + minor,
					promotion == null ? promotionName : promotion);
		}
	}
}
