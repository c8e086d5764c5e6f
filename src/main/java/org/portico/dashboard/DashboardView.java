package org.portico.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.portico.dashboard.AccountOverview.ChangeLine;
import org.portico.dashboard.AccountOverview.ServiceTile;
import org.portico.dashboard.AccountOverview.StatementTile;
import org.portico.dashboard.AccountOverview.Unpaid;
import org.portico.identity.GrantRole;
import org.portico.identity.Permission;
import org.portico.notifications.InAppNotice;
import org.portico.shared.Language;
import org.portico.shared.Money;

/**
 * What the dashboard shows on a given day, worked out from the stored row: the amount due now (the latest
 * statement's remainder less payments processing), whether it is paid, processing or past due, the banner
 * to show, autopay's next charge, and each service's status on the day. Nothing here reads the database.
 */
record DashboardView(String holderName, String accountNumber, String serviceAddress, String accountStatus,
		GrantRole role, boolean canPay, PayState payState, Money amountDueNow, Money processing,
		@Nullable LocalDate dueDate, long daysUntilDue, @Nullable PastDueBanner pastDue,
		boolean suspendedForNonPayment, @Nullable StatementView statement, AccountOverview.@Nullable LastPayment lastPayment,
		Money lastPaymentAmount, AutopayView autopay, List<ServiceView> services, int unreadCount,
		List<InAppNotice> unread) {

	/** What the amount-due tile says. */
	enum PayState {
		/** No statement yet. */
		NO_STATEMENT,
		/** Something is due and not covered by payments processing. */
		DUE,
		/** What was due is covered by payments still processing. */
		PROCESSING,
		/** Nothing is due: the latest statement is paid (or asked for nothing). */
		PAID
	}

	/** The past-due banner: what to pay now and the first day past due. */
	record PastDueBanner(Money amount, LocalDate since, long daysPastDue) {
	}

	/** The latest statement tile. */
	record StatementView(String id, LocalDate date, LocalDate dueDate, Money amountDue, boolean first,
			Money difference, List<ChangeText> changes, int moreChanges) {

		public boolean higher() {
			return !difference.isNegative() && !difference.isZero();
		}

		public boolean lower() {
			return difference.isNegative();
		}

		public Money differenceAbs() {
			return difference.isNegative() ? difference.times(-1) : difference;
		}
	}

	/** A “what changed” line in the reader's language: a message key and its arguments. */
	record ChangeText(String key, Object[] args, String amount, boolean increase) {
	}

	/**
	 * The autopay tile.
	 *
	 * @param nextChargeOn when autopay charges next: the due date, while something is due
	 * @param declined the latest charge was declined and the amount is still due
	 */
	record AutopayView(boolean enrolled, @Nullable String methodKind, @Nullable String brand, @Nullable String last4,
			@Nullable LocalDate nextChargeOn, @Nullable Money nextChargeAmount, boolean declined,
			@Nullable String failureReason, @Nullable LocalDate nextRetryOn) {

		public boolean isCard() {
			return "CARD".equals(methodKind);
		}
	}

	/** One service with its status on the day shown. */
	record ServiceView(String kind, String name, String status) {
	}

	static final int CHANGES_SHOWN = 3;

	static DashboardView of(OverviewRepository.Stored stored, LocalDate today, GrantRole role, Language language,
			int unreadCount, List<InAppNotice> unread) {
		AccountOverview o = stored.overview();
		Currency currency = Currency.getInstance(o.currency());
		Money zero = Money.zero(currency);
		Money processing = Money.ofMinor(o.pendingMinor(), currency);
		StatementTile s = o.statement();
		Money dueNow = zero;
		PayState state = PayState.NO_STATEMENT;
		if (s != null) {
			dueNow = positive(Money.ofMinor(s.remainingMinor(), currency).minus(processing));
			if (!dueNow.isZero()) {
				state = PayState.DUE;
			}
			else {
				state = s.remainingMinor() > 0 ? PayState.PROCESSING : PayState.PAID;
			}
		}
		LocalDate dueDate = s == null ? null : s.dueDate();
		long daysUntilDue = dueDate == null ? 0 : ChronoUnit.DAYS.between(today, dueDate);
		PastDueBanner banner = pastDue(o, today, processing, currency);
		AutopayTile a = stored.autopay();
		boolean chargeAhead = a.enrolled() && dueDate != null && !dueNow.isZero() && !dueDate.isBefore(today);
		boolean declined = a.failureReason() != null && !dueNow.isZero();
		var autopay = new AutopayView(a.enrolled(), a.methodKind(), a.brand(), a.last4(),
				chargeAhead ? dueDate : null, chargeAhead ? dueNow : null, declined, declined ? a.failureReason() : null,
				declined && a.nextRetryOn() != null && !a.nextRetryOn().isBefore(today) ? a.nextRetryOn() : null);
		var services = new ArrayList<ServiceView>();
		for (ServiceTile service : o.services()) {
			String status = status(service, today);
			if (!"ENDED".equals(status)) {
				services.add(new ServiceView(service.kind(), language == Language.ES_US ? service.nameEs() : service.nameEn(),
						status));
			}
		}
		var last = o.lastPayment();
		return new DashboardView(o.holderName(), o.accountNumber(), o.serviceAddress(), o.status(), role,
				role.allows(Permission.MAKE_PAYMENT), state, dueNow, processing, dueDate, daysUntilDue, banner,
				o.suspendedForNonPayment(), s == null ? null : statement(s, currency, language), last,
				last == null ? zero : Money.ofMinor(last.amountMinor(), currency), autopay, List.copyOf(services), unreadCount,
				unread);
	}

	public boolean suspended() {
		return "SUSPENDED".equals(accountStatus);
	}

	/**
	 * Past due as dunning counts it: the latest statement whose due date has passed decides; what is left of
	 * it, less payments processing, is what to pay now.
	 */
	private static @Nullable PastDueBanner pastDue(AccountOverview o, LocalDate today, Money processing,
			Currency currency) {
		StatementTile s = o.statement();
		if (s == null) {
			return null;
		}
		Unpaid decisive;
		if (s.dueDate().isBefore(today)) {
			decisive = s.unpaid();
		}
		else {
			decisive = o.previous() != null && o.previous().dueDate().isBefore(today) ? o.previous() : null;
		}
		if (decisive == null) {
			return null;
		}
		Money left = positive(Money.ofMinor(decisive.pastDueMinor(), currency).minus(processing));
		if (left.isZero()) {
			return null;
		}
		return new PastDueBanner(left, decisive.since(), ChronoUnit.DAYS.between(decisive.since(), today) + 1);
	}

	private static StatementView statement(StatementTile s, Currency currency, Language language) {
		var changes = new ArrayList<ChangeText>();
		for (ChangeLine line : s.changes()) {
			if (changes.size() == CHANGES_SHOWN) {
				break;
			}
			List<Object> args = language == Language.ES_US ? line.argsEs() : line.argsEn();
			changes.add(new ChangeText(line.key(), args.toArray(), line.amount(), line.increase()));
		}
		return new StatementView(s.id(), s.date(), s.dueDate(), Money.ofMinor(s.amountDueMinor(), currency), s.first(),
				Money.ofMinor(s.currentChargesMinor() - s.previousChargesMinor(), currency), changes,
				s.changes().size() - changes.size());
	}

	/** The subscription's status on {@code today}, as subscriptions' own rule has it. */
	private static String status(ServiceTile service, LocalDate today) {
		if (today.isBefore(service.startedOn())) {
			return "PENDING";
		}
		if (service.endedOn() != null && !today.isBefore(service.endedOn())) {
			return "ENDED";
		}
		if (service.suspendedOn() != null && !today.isBefore(service.suspendedOn())) {
			return "SUSPENDED";
		}
		return "ACTIVE";
	}

	private static Money positive(Money amount) {
		return amount.isNegative() ? Money.zero(amount.currency()) : amount;
	}
}
