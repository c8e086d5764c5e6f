package org.portico.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.portico.billing.BillingManagement;
import org.portico.billing.PastDue;
import org.portico.customer.AccountStatus;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.payments.DunningRepository.Row;
import org.portico.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dunning: what happens to an account that stays past due. On each reminder day
 * (portico.payments.reminder-days, days past due) a reminder goes out once ({@link AccountPastDue}); after
 * portico.payments.suspend-after-days the account is suspended ({@link AccountSuspendedForNonPayment}); once
 * the past-due amount is paid, an account dunning suspended is restored ({@link AccountRestored}) — by the
 * daily run, and at once when a payment settles. A suspended account can still sign in, see its bills and
 * pay.
 *
 * <p>Pending (processing) payments count towards the past-due amount (DECISIONS.md “Payments”): an account
 * they cover gets no reminder and is not suspended, though it is restored only once the money settles.
 * Reminders and suspensions concern active accounts only; an account suspended for another reason is
 * never restored by dunning.
 */
@Service
public class Dunning {

	private static final Logger log = LoggerFactory.getLogger(Dunning.class);

	private static final int PAGE = 500;

	private final BillingManagement billing;

	private final CustomerManagement customers;

	private final DunningRepository repository;

	private final Payments payments;

	private final PaymentsProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Dunning(BillingManagement billing, CustomerManagement customers, DunningRepository repository, Payments payments,
			PaymentsProperties properties, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.billing = billing;
		this.customers = customers;
		this.repository = repository;
		this.payments = payments;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Where the account stands today when it is past due; empty when it is not. */
	public Optional<DunningState> state(ServiceAccountId account) {
		LocalDate today = LocalDate.now(clock);
		return billing.pastDue(account, today).map(pastDue -> {
			Money processing = Money.ofMinor(pendingMinor(account, today), pastDue.amount().currency());
			boolean suspended = repository.find(account).map(row -> row.suspendedOn() != null).orElse(false);
			return new DunningState(pastDue.amount(), processing, pastDue.since(), pastDue.daysPastDue(today),
					suspensionDate(pastDue.since()), suspended);
		});
	}

	/** What a run did. */
	record RunResult(int checked, int reminders, int suspensions, int restorations) {
	}

	enum Action {
		NONE, REMINDED, SUSPENDED, RESTORED
	}

	/**
	 * The daily run over the whole base: every account billing reports past due on {@code today}, then every
	 * account dunning was following that billing no longer reports (paid since). One transaction per account.
	 */
	RunResult run(LocalDate today) {
		var tally = new Tally();
		Set<ServiceAccountId> pastDue = new HashSet<>();
		ServiceAccountId after = null;
		List<PastDue> page;
		do {
			page = billing.pastDue(today, after, PAGE);
			for (PastDue account : page) {
				pastDue.add(account.account());
				tally.add(checkQuietly(account.account(), today));
			}
			after = page.isEmpty() ? after : page.get(page.size() - 1).account();
		}
		while (page.size() == PAGE);
		after = null;
		List<ServiceAccountId> followed;
		do {
			followed = repository.followedAfter(after, PAGE);
			for (ServiceAccountId account : followed) {
				if (!pastDue.contains(account)) {
					tally.add(checkQuietly(account, today));
				}
			}
			after = followed.isEmpty() ? after : followed.get(followed.size() - 1);
		}
		while (followed.size() == PAGE);
		return tally.result();
	}

	/** The run for these accounts only (tests share one database). */
	RunResult run(LocalDate today, Set<ServiceAccountId> accounts) {
		var tally = new Tally();
		accounts.forEach(account -> tally.add(check(account, today)));
		return tally.result();
	}

	/**
	 * Looks again at an account dunning is following (a payment just settled on it), so that a suspension
	 * is lifted at once rather than at the next run. Costs one look-up for any other account.
	 */
	Action recheck(ServiceAccountId account) {
		if (repository.find(account).filter(Row::followed).isEmpty()) {
			return Action.NONE;
		}
		return check(account, LocalDate.now(clock));
	}

	private Action checkQuietly(ServiceAccountId account, LocalDate today) {
		try {
			return check(account, today);
		}
		catch (RuntimeException e) {
			// one account's trouble must not stop the run for the others; the next run tries again
			log.error("Dunning could not handle account {}", account, e);
			return Action.NONE;
		}
	}

	/** Decides and acts for one account, holding its dunning row locked. */
	Action check(ServiceAccountId account, LocalDate today) {
		Action action = transactions.execute(status -> {
			Optional<Row> locked = repository.lock(account);
			Optional<PastDue> pastDue = billing.pastDue(account, today);
			if (pastDue.isEmpty() && locked.filter(Row::followed).isEmpty()) {
				return Action.NONE;
			}
			Optional<ServiceAccount> found = customers.find(account);
			if (found.isEmpty()) {
				return Action.NONE;
			}
			Row row = locked.orElseGet(() -> repository.create(account));
			return pastDue.isEmpty() ? paid(row, found.get(), today) : owing(row, found.get(), pastDue.get(), today);
		});
		return action == null ? Action.NONE : action;
	}

	/** No longer past due: the run of unpaid statements is over, and a suspension dunning made is lifted. */
	private Action paid(Row row, ServiceAccount account, LocalDate today) {
		Action action = Action.NONE;
		LocalDate restoredOn = row.restoredOn();
		if (row.suspendedOn() != null && account.status() == AccountStatus.SUSPENDED) {
			customers.changeStatus(account.id(), AccountStatus.ACTIVE);
			events.publishEvent(new AccountRestored(account.id(), today));
			restoredOn = today;
			action = Action.RESTORED;
			log.info("Account {} restored: its past-due amount is paid", account.id());
		}
		repository.update(new Row(row.account(), null, null, row.lastReminderOn(), null, restoredOn), clock.instant());
		return action;
	}

	private Action owing(Row row, ServiceAccount account, PastDue pastDue, LocalDate today) {
		LocalDate since = pastDue.since();
		Integer reminded = row.lastReminderDay();
		LocalDate remindedOn = row.lastReminderOn();
		LocalDate suspendedOn = row.suspendedOn();
		// A new run of unpaid statements (or the oldest debt paid, leaving a newer one): its reminders start over.
		if (row.pastDueSince() == null || since.isAfter(row.pastDueSince())) {
			reminded = null;
		}
		Money processing = Money.ofMinor(pendingMinor(account.id(), today), pastDue.amount().currency());
		Money dueNow = pastDue.amount().minus(processing);
		int days = pastDue.daysPastDue(today);
		Action action = Action.NONE;
		// pending payments that cover it stop reminders and suspension; a suspended account gets no reminders
		if (!dueNow.isNegative() && !dueNow.isZero() && account.status() == AccountStatus.ACTIVE) {
			if (days >= properties.suspendAfterDays()) {
				if (suspendedOn == null) {
					customers.changeStatus(account.id(), AccountStatus.SUSPENDED);
					events.publishEvent(new AccountSuspendedForNonPayment(account.id(), dueNow, since, today));
					suspendedOn = today;
					action = Action.SUSPENDED;
					log.info("Account {} suspended: {} days past due", account.id(), days);
				}
			}
			else {
				Integer due = reminderDue(days);
				// after downtime, only the latest reminder due goes out
				if (due != null && (reminded == null || due > reminded)) {
					events.publishEvent(new AccountPastDue(account.id(), dueNow, since, days, suspensionDate(since)));
					reminded = due;
					remindedOn = today;
					action = Action.REMINDED;
				}
			}
		}
		repository.update(new Row(row.account(), since, reminded, remindedOn, suspendedOn, row.restoredOn()),
				clock.instant());
		return action;
	}

	/** Payments of the account still processing, submitted by {@code today}. */
	private long pendingMinor(ServiceAccountId account, LocalDate today) {
		return payments.pendingMinor(List.of(account), today).getOrDefault(account, 0L);
	}

	private @Nullable Integer reminderDue(int daysPastDue) {
		Integer due = null;
		for (int day : properties.reminderDays()) {
			if (day <= daysPastDue) {
				due = day;
			}
		}
		return due;
	}

	/** The day an account past due since {@code since} is suspended if still unpaid. */
	private LocalDate suspensionDate(LocalDate since) {
		return since.plusDays(properties.suspendAfterDays() - 1L);
	}

	private static final class Tally {

		private int checked;

		private int reminders;

		private int suspensions;

		private int restorations;

		void add(Action action) {
			checked++;
			switch (action) {
				case REMINDED -> reminders++;
				case SUSPENDED -> suspensions++;
				case RESTORED -> restorations++;
				default -> {
				}
			}
		}

		RunResult result() {
			return new RunResult(checked, reminders, suspensions, restorations);
		}
	}
}
