package org.portico.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.portico.billing.BillingManagement;
import org.portico.billing.LatestStatement;
import org.portico.billing.PastDue;
import org.portico.billing.StatementChanges;
import org.portico.billing.StatementChanges.Change;
import org.portico.billing.StatementStatus;
import org.portico.billing.StatementSummary;
import org.portico.catalog.CatalogManagement;
import org.portico.catalog.LocalizedText;
import org.portico.catalog.Offering;
import org.portico.catalog.OfferingCode;
import org.portico.customer.AccountStatus;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.dashboard.AccountOverview.ChangeLine;
import org.portico.dashboard.AccountOverview.LastPayment;
import org.portico.dashboard.AccountOverview.ServiceTile;
import org.portico.dashboard.AccountOverview.StatementTile;
import org.portico.dashboard.AccountOverview.Unpaid;
import org.portico.payments.Autopay;
import org.portico.payments.Dunning;
import org.portico.payments.DunningState;
import org.portico.payments.Payment;
import org.portico.payments.PaymentStatus;
import org.portico.payments.Payments;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.portico.subscriptions.Subscription;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * (Re)computes an account's row of the projection from the other modules' façades — customer, billing,
 * payments, dunning, autopay, subscriptions and catalogue — and stores it. Each refresh runs in a transaction (its
 * own, or the calling listener's) holding the account's advisory lock, so two refreshes of one account never store an older reading
 * over a newer one. About eight queries an account; the page itself then reads one row.
 */
@Component
class OverviewRefresher {

	private final CustomerManagement customers;

	private final BillingManagement billing;

	private final Payments payments;

	private final Dunning dunning;

	private final Autopay autopay;

	private final SubscriptionManagement subscriptions;

	private final CatalogManagement catalog;

	private final OverviewRepository overviews;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OverviewRefresher(CustomerManagement customers, BillingManagement billing, Payments payments, Dunning dunning,
			Autopay autopay, SubscriptionManagement subscriptions, CatalogManagement catalog, OverviewRepository overviews,
			MessageSource messages, PlatformTransactionManager transactions, Clock clock) {
		this.customers = customers;
		this.billing = billing;
		this.payments = payments;
		this.dunning = dunning;
		this.autopay = autopay;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.overviews = overviews;
		this.messages = messages;
		// joins a listener's transaction (one connection per refresh, never two), or starts its own
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Recomputes and stores the account's row, autopay included; empty when there is no such account. */
	Optional<OverviewRepository.Stored> refresh(ServiceAccountId account) {
		return Optional.ofNullable(transaction.execute(status -> {
			overviews.lock(account);
			Optional<ServiceAccount> found = customers.find(account);
			if (found.isEmpty()) {
				return null;
			}
			overviews.save(account, compute(found.get()), AutopayTile.of(autopay.state(account)), clock.instant());
			return overviews.find(account).orElseThrow();
		}));
	}

	AccountOverview compute(ServiceAccount account) {
		ServiceAccountId id = account.id();
		String currency = billing.balance(id).currency().getCurrencyCode();
		StatementTile statement = null;
		Unpaid previous = null;
		Optional<LatestStatement> latest = billing.latestStatement(id);
		if (latest.isPresent()) {
			statement = statementTile(id, latest.get());
			StatementSummary before = latest.get().previous();
			if (before != null && before.status() != StatementStatus.PAID) {
				previous = unpaid(id, before.dueDate());
			}
		}
		List<Payment> history = payments.history(id);
		long pending = history.stream()
			.filter(payment -> payment.status() == PaymentStatus.PROCESSING)
			.mapToLong(payment -> payment.amount().minorUnits())
			.sum();
		LastPayment last = history.isEmpty() ? null : lastPayment(history.get(0));
		boolean suspendedForNonPayment = account.status() == AccountStatus.SUSPENDED
				&& dunning.state(id).map(DunningState::suspended).orElse(false);
		return new AccountOverview(account.holder().fullName(),
				account.number().display(), account.serviceAddress().singleLine(), account.status().name(), currency,
				statement, previous, pending, last, suspendedForNonPayment, services(id));
	}

	private StatementTile statementTile(ServiceAccountId account, LatestStatement latest) {
		var statement = latest.statement();
		var due = latest.amountDue();
		Unpaid unpaid = due.remaining().isZero() ? null : unpaid(account, statement.dueDate());
		StatementChanges changes = latest.changes();
		return new StatementTile(statement.id().toString(), statement.statementDate(), statement.dueDate(),
				statement.amountDue().minorUnits(), due.remaining().minorUnits(), unpaid,
				changes.previousCharges().minorUnits(), changes.currentCharges().minorUnits(), changes.first(),
				changes.changes().stream().map(this::line).toList());
	}

	/** What billing reports past due the day after {@code dueDate}, with the ledger as it is now. */
	private @Nullable Unpaid unpaid(ServiceAccountId account, LocalDate dueDate) {
		Optional<PastDue> pastDue = billing.pastDue(account, dueDate.plusDays(1));
		return pastDue.map(p -> new Unpaid(dueDate, p.amount().minorUnits(), p.since())).orElse(null);
	}

	private static LastPayment lastPayment(Payment payment) {
		return new LastPayment(payment.receiptNumber(), payment.amount().minorUnits(), payment.submittedOn(),
				payment.status().name());
	}

	private List<ServiceTile> services(ServiceAccountId account) {
		List<Subscription> current = subscriptions.currentFor(account);
		if (current.isEmpty()) {
			return List.of();
		}
		Map<OfferingCode, Offering> offerings = catalog
			.findAll(current.stream().map(Subscription::offering).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Offering::code, Function.identity()));
		var tiles = new ArrayList<ServiceTile>();
		for (Subscription subscription : current) {
			Offering offering = offerings.get(subscription.offering());
			if (offering != null) {
				tiles.add(new ServiceTile(subscription.kind().name(), offering.name(Language.EN_US),
						offering.name(Language.ES_US), subscription.startedOn(), subscription.endedOn(),
						subscription.suspendedOn()));
			}
		}
		return tiles;
	}

	/** One change in billing's words (its “what changed” message keys), arguments ready for each language. */
	private ChangeLine line(Change change) {
		String base = "billing.changes." + change.type().name();
		String key = switch (change.type()) {
			case PLAN_CHANGED, PRICE_CHANGED, PROMOTION_CHANGED, TAXES_CHANGED, BALANCE_CARRIED_OVER -> base
					+ (change.isIncrease() ? ".up" : ".down");
			default -> base;
		};
		return new ChangeLine(key, args(change, Language.EN_US), args(change, Language.ES_US), signed(change.amount()),
				change.isIncrease());
	}

	private List<Object> args(Change change, Language language) {
		String subject = change.subject().in(language);
		DateTimeFormatter dates = DateTimeFormatter
			.ofPattern(messages.getMessage("format.date", null, "MMM d, yyyy", language.locale()), language.locale());
		return switch (change.type()) {
			case SERVICE_ADDED, SERVICE_REMOVED, USAGE_CHARGE, LATE_FEE -> List.of(subject, abs(change.amount()));
			case PLAN_CHANGED -> List.of(subject, text(change.replaced(), language), abs(change.amount()),
					money(change.after()), money(change.before()));
			case PRICE_CHANGED, TAXES_CHANGED -> List.of(subject, abs(change.amount()), money(change.before()),
					money(change.after()));
			case PROMOTION_ENDED, PROMOTION_STARTED, PROMOTION_CHANGED -> List.of(subject,
					text(change.service(), language), abs(change.amount()));
			case PRORATED_CHARGE, PRORATED_CREDIT -> List.of(subject, date(change.from(), dates),
					date(change.through(), dates), change.days(), change.cycleDays(), abs(change.amount()));
			case ONE_TIME_CHARGE, ADJUSTMENT, CREDIT -> List.of(subject, date(change.on(), dates), abs(change.amount()));
			case BALANCE_CARRIED_OVER -> List.of(abs(change.amount()));
		};
	}

	private static String signed(Money amount) {
		return amount.isNegative() ? "\u2212" + amount.times(-1).formatted() : amount.formatted();
	}

	private static String abs(Money amount) {
		return amount.isNegative() ? amount.times(-1).formatted() : amount.formatted();
	}

	private static String money(@Nullable Money amount) {
		return amount == null ? "" : amount.formatted();
	}

	private static String text(@Nullable LocalizedText text, Language language) {
		return text == null ? "" : text.in(language);
	}

	private static String date(@Nullable LocalDate date, DateTimeFormatter dates) {
		return date == null ? "" : dates.format(date);
	}
}
