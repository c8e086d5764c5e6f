package org.portico.payments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.portico.billing.AmountDue;
import org.portico.billing.BillingManagement;
import org.portico.billing.StatementId;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.payments.AutopayRepository.Attempt;
import org.portico.payments.AutopayRepository.Enrolment;
import org.portico.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Autopay: the account's owner turns it on (with the default method on file, consent recorded) and
 * Portico then pays each statement on its due date with the account's default method at that time, for
 * the statement's amount due less payments and credits since the statement date and less payments still
 * processing (DECISIONS.md “Payments”); nothing is charged when that is zero or less. A reminder goes out
 * a few days before (portico.payments.autopay.reminder-days-before); a declined charge is tried again on
 * the retry days after the due date (portico.payments.autopay.retry-days), with a message each time.
 *
 * <p>Autopay pays statements due after the day it was turned on: turning it on on or after a due date
 * does not pay that statement (the page says so and offers to pay it now). Each charge is claimed in
 * {@code payments.autopay_attempt} before it is made and charged under the idempotency key
 * {@code autopay-<statement>-<attempt>}, so it happens once across nodes, retries and restarts; a bank
 * debit settles later, and its settlement or return decides the attempt then. Like the other façades it
 * trusts its callers to have checked who may turn autopay on or off (only the owner, after
 * re-authentication).
 */
@Service
public class Autopay {

	private static final Logger log = LoggerFactory.getLogger(Autopay.class);

	private static final Pattern KEY = Pattern.compile("autopay-([0-9a-f-]{36})-([1-9])");

	private static final int PAGE = 500;

	/** A claimed charge with no payment after this long was interrupted (a crash): the job makes it again. */
	private static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(10);

	private final AutopayRepository repository;

	private final PaymentMethodRepository methods;

	private final Payments payments;

	private final BillingManagement billing;

	private final AutopayProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Autopay(AutopayRepository repository, PaymentMethodRepository methods, Payments payments,
			BillingManagement billing, AutopayProperties properties, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.methods = methods;
		this.payments = payments;
		this.billing = billing;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** The account's autopay as of today: whether it is on, what it will charge next and when. */
	public AutopayState state(ServiceAccountId account) {
		Optional<Enrolment> enrolment = repository.find(account).filter(Enrolment::active);
		if (enrolment.isEmpty()) {
			return AutopayState.off();
		}
		PaymentMethod method = defaultMethod(account).orElse(null);
		Optional<Plan> plan = plan(account, enrolment.get());
		if (plan.isEmpty() || !positive(plan.get().amount())) {
			return new AutopayState(true, method, null, null, null, null);
		}
		Plan current = plan.get();
		Next next = next(current);
		if (next == null) {
			return new AutopayState(true, method, null, null, null, null);
		}
		if (next.attempt() == 1) {
			return new AutopayState(true, method, current.due().dueDate(), current.amount(), null, null);
		}
		Attempt declined = current.attempts().get(current.attempts().size() - 1);
		return new AutopayState(true, method, current.due().dueDate(), current.amount(), declined.failureReason(),
				next.on());
	}

	/** When the account's current enrolment began; empty when autopay is off. */
	public Optional<Instant> enrolledAt(ServiceAccountId account) {
		return repository.find(account).filter(Enrolment::active).map(Enrolment::enrolledAt);
	}

	/** When the account's autopay was last turned off; empty when it is on or never was. */
	public Optional<Instant> cancelledAt(ServiceAccountId account) {
		return repository.find(account).map(Enrolment::cancelledAt);
	}

	/**
	 * Turns autopay on with the account's default method, recording the consent shown (kind AUTOPAY).
	 *
	 * @throws AutopayRefusedException {@code no_method}, {@code method_expired} or {@code already_enrolled}:
	 *     nothing changed
	 */
	public void enrol(ServiceAccountId account, LoginId login, Consent consent) {
		enrol(account, login, consent, null);
	}

	/**
	 * As {@link #enrol(ServiceAccountId, LoginId, Consent)}, for a page that named the default method in its
	 * consent: when the default has changed since, nothing is enrolled.
	 *
	 * @param shownMethod the default method the page showed; null accepts whichever is the default
	 * @throws AutopayRefusedException {@code method_changed} as well
	 */
	public void enrol(ServiceAccountId account, LoginId login, Consent consent, @Nullable PaymentMethodId shownMethod) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		transactions.executeWithoutResult(status -> {
			// the default cannot change while it is read and enrolled with
			methods.lockAccount(account);
			if (repository.find(account).filter(Enrolment::active).isPresent()) {
				throw new AutopayRefusedException("already_enrolled", "Autopay is on already");
			}
			PaymentMethod method = methods.findActive(account)
				.stream()
				.filter(PaymentMethod::isDefault)
				.findFirst()
				.orElseThrow(() -> new AutopayRefusedException("no_method", "No default payment method on file"));
			if (shownMethod != null && !shownMethod.equals(method.id())) {
				throw new AutopayRefusedException("method_changed", "The default payment method has changed");
			}
			if (method.isExpiredOn(today)) {
				throw new AutopayRefusedException("method_expired", "The default card has expired");
			}
			if (!repository.enrol(account, method.id(), login, now, today)) {
				throw new AutopayRefusedException("already_enrolled", "Autopay is on already");
			}
			methods.recordConsent(account, login, Consent.Kind.AUTOPAY, consent, method.id(), null, now);
			events.publishEvent(new AutopayEnrolled(account, method.id(), login));
		});
		log.info("Autopay turned on for account {}", account);
	}

	/**
	 * Turns autopay off: nothing more is charged, retries included (a bank debit already submitted still
	 * settles).
	 *
	 * @throws AutopayRefusedException {@code not_enrolled}: nothing changed
	 */
	public void cancel(ServiceAccountId account, LoginId login) {
		transactions.executeWithoutResult(status -> {
			if (!repository.cancel(account, login, clock.instant())) {
				throw new AutopayRefusedException("not_enrolled", "Autopay is not on");
			}
			events.publishEvent(new AutopayCancelled(account, login));
		});
		log.info("Autopay turned off for account {}", account);
	}

	// ---- the job ------------------------------------------------------------------------------

	/** What a run did. */
	record RunResult(int checked, int reminders, int charged, int declined) {
	}

	enum Action {
		NONE, REMINDED, CHARGED, PROCESSING, DECLINED
	}

	/**
	 * The run over every enrolled account (and every account with a charge still open): reminders due,
	 * charges due today or missed on earlier days. One account's trouble does not stop the others.
	 */
	RunResult run(LocalDate today) {
		var tally = new Tally();
		var done = new java.util.HashSet<ServiceAccountId>();
		for (ServiceAccountId account : repository.withOpenAttempts()) {
			done.add(account);
			tally.add(checkQuietly(account, today));
		}
		ServiceAccountId after = null;
		List<ServiceAccountId> page;
		do {
			page = repository.enrolledAfter(after, PAGE);
			for (ServiceAccountId account : page) {
				if (done.add(account)) {
					tally.add(checkQuietly(account, today));
				}
			}
			after = page.isEmpty() ? after : page.get(page.size() - 1);
		}
		while (page.size() == PAGE);
		return tally.result();
	}

	/** The run for these accounts only (tests share one database). */
	RunResult run(LocalDate today, Set<ServiceAccountId> accounts) {
		var tally = new Tally();
		accounts.forEach(account -> tally.add(check(account, today)));
		return tally.result();
	}

	private Action checkQuietly(ServiceAccountId account, LocalDate today) {
		try {
			return check(account, today);
		}
		catch (RuntimeException e) {
			log.error("Autopay could not handle account {}; the next run tries again", account, e);
			return Action.NONE;
		}
	}

	/** One account: open charges first, then the reminder or the charge due. */
	Action check(ServiceAccountId account, LocalDate today) {
		Action action = Action.NONE;
		for (Attempt open : repository.openAttempts(account)) {
			Action resolved = resolve(open, today);
			action = resolved == Action.NONE ? action : resolved;
		}
		Optional<Enrolment> enrolment = repository.find(account).filter(Enrolment::active);
		if (enrolment.isEmpty()) {
			return action;
		}
		Optional<Plan> found = plan(account, enrolment.get());
		// nothing to charge (paid, credited or covered by a payment processing): no reminder, no charge
		if (found.isEmpty() || !positive(found.get().amount())) {
			return action;
		}
		Plan plan = found.get();
		AmountDue due = plan.due();
		if (today.isBefore(due.dueDate())) {
			LocalDate remindOn = due.dueDate().minusDays(properties.reminderDaysBefore());
			// enrolled on or after the reminder day: the confirmation said when and what it will charge
			if (!today.isBefore(remindOn) && enrolment.get().enrolledOn().isBefore(remindOn)) {
				return remind(account, plan, today) ? Action.REMINDED : action;
			}
			return action;
		}
		Next next = next(plan);
		if (next == null || today.isBefore(next.on())) {
			return action;
		}
		Boolean claimed = transactions.execute(status -> repository.claim(due.statement(), next.attempt(), account,
				due.dueDate(), next.on(), today, plan.amount(), clock.instant()));
		if (!Boolean.TRUE.equals(claimed)) {
			return action;
		}
		Attempt attempt = repository.attempt(due.statement(), next.attempt()).orElseThrow();
		return charge(attempt, plan.amount(), today);
	}

	private boolean remind(ServiceAccountId account, Plan plan, LocalDate today) {
		Optional<PaymentMethod> method = defaultMethod(account).filter(m -> !m.isExpiredOn(today));
		Boolean sent = transactions.execute(status -> {
			if (!repository.remind(plan.due().statement(), account, plan.due().dueDate(), clock.instant())) {
				return false;
			}
			events.publishEvent(new AutopayReminderDue(account, plan.due().statement(), plan.amount(),
					plan.due().dueDate(), method.map(PaymentMethod::kind).orElse(null),
					method.map(PaymentMethod::brand).orElse(null), method.map(PaymentMethod::last4).orElse(null)));
			return true;
		});
		return Boolean.TRUE.equals(sent);
	}

	/** Charges a claimed attempt with the account's default method as it is now. */
	private Action charge(Attempt attempt, Money amount, LocalDate today) {
		Optional<PaymentMethod> method = defaultMethod(attempt.account());
		if (method.isEmpty()) {
			return declined(attempt, null, amount, "METHOD_UNAVAILABLE", today);
		}
		Payment payment;
		try {
			payment = payments.payAutopay(attempt.account(), key(attempt.statement(), attempt.attempt()), amount,
					method.get().id());
		}
		catch (PaymentRejectedException refused) {
			// nothing was charged: an expired card, or a method removed a moment ago
			String reason = refused.code().equals("method_expired") ? "EXPIRED_CARD"
					: refused.code().equals("method_missing") ? "METHOD_UNAVAILABLE" : "GENERIC";
			return declined(attempt, null, amount, reason, today);
		}
		return apply(attempt, payment, today);
	}

	/** Decides an attempt by its payment's status. */
	private Action apply(Attempt attempt, Payment payment, LocalDate today) {
		switch (payment.status()) {
			case PROCESSING -> {
				repository.processing(attempt.statement(), attempt.attempt(), payment.id(), payment.amount());
				return Action.PROCESSING;
			}
			case FAILED -> {
				return declined(attempt, payment.id(), payment.amount(),
						payment.failureReason() == null ? "GENERIC" : payment.failureReason(), today);
			}
			default -> {
				return paid(attempt, payment);
			}
		}
	}

	private Action paid(Attempt attempt, Payment payment) {
		Boolean decided = transactions.execute(status -> {
			if (!repository.decide(attempt.statement(), attempt.attempt(), "PAID", payment.id(), payment.amount(), null,
					null, clock.instant())) {
				return false;
			}
			events.publishEvent(new AutopayPaid(attempt.account(), attempt.statement(), payment.id(),
					payment.receiptNumber(), payment.amount(), payment.submittedOn(), attempt.attempt(),
					payment.methodKind(), payment.brand(), payment.last4()));
			return true;
		});
		if (Boolean.TRUE.equals(decided)) {
			log.info("Autopay paid {} on account {} (attempt {})", payment.amount(), attempt.account(),
					attempt.attempt());
		}
		// decided here or, a moment earlier, by the listener of the payment's settlement: paid either way
		return Action.CHARGED;
	}

	private Action declined(Attempt attempt, @Nullable PaymentId payment, Money amount, String reason,
			LocalDate today) {
		LocalDate next = nextAttemptOn(attempt, today);
		Boolean decided = transactions.execute(status -> {
			if (!repository.decide(attempt.statement(), attempt.attempt(), "DECLINED", payment, amount, reason, next,
					clock.instant())) {
				return false;
			}
			events.publishEvent(new AutopayChargeFailed(attempt.account(), attempt.statement(), amount,
					attempt.attempt(), reason, next));
			return true;
		});
		if (Boolean.TRUE.equals(decided)) {
			log.info("Autopay charge declined on account {} (attempt {}, {}); next try {}", attempt.account(),
					attempt.attempt(), reason, next == null ? "none" : next);
		}
		return Action.DECLINED;
	}

	/** The retry day after this attempt, and at least the day after today (after downtime); null after the last. */
	private @Nullable LocalDate nextAttemptOn(Attempt attempt, LocalDate today) {
		if (attempt.attempt() >= properties.attempts()) {
			return null;
		}
		LocalDate retry = attempt.dueOn().plusDays(properties.retryDays().get(attempt.attempt() - 1));
		return retry.isAfter(today) ? retry : today.plusDays(1);
	}

	/**
	 * An attempt left open: a bank debit processing, or a charge interrupted between its claim and its
	 * answer. The payment made under its key decides it; an interrupted one with no payment is made again
	 * (same key) unless autopay was turned off or nothing is due any more.
	 */
	private Action resolve(Attempt open, LocalDate today) {
		Optional<Payment> payment = payments.madeWith(open.account(), key(open.statement(), open.attempt()));
		if (payment.isPresent()) {
			return payment.get().isProcessing() && open.outcome().equals("PROCESSING") ? Action.NONE
					: apply(open, payment.get(), today);
		}
		if (open.outcome().equals("PROCESSING")
				|| open.createdAt().plus(INTERRUPTED_AFTER).isAfter(clock.instant())) {
			return Action.NONE;
		}
		Optional<Enrolment> enrolment = repository.find(open.account()).filter(Enrolment::active);
		Optional<Plan> plan = enrolment.flatMap(active -> plan(open.account(), active))
			.filter(p -> p.due().statement().equals(open.statement()));
		if (plan.isEmpty() || !positive(plan.get().amount())) {
			transactions.executeWithoutResult(status -> repository.decide(open.statement(), open.attempt(), "SKIPPED",
					null, null, null, null, clock.instant()));
			return Action.NONE;
		}
		return charge(open, plan.get().amount(), today);
	}

	/**
	 * An autopay payment settled or failed (a bank debit, days later; or a card, a moment after the charge):
	 * decides its attempt if that is still open. Payments of anything else are ignored.
	 */
	void paymentFinished(ServiceAccountId account, PaymentId paymentId) {
		Optional<Matcher> key = payments.idempotencyKey(paymentId).map(KEY::matcher).filter(Matcher::matches);
		if (key.isEmpty()) {
			return;
		}
		var statement = new StatementId(UUID.fromString(key.get().group(1)));
		int number = Integer.parseInt(key.get().group(2));
		Optional<Attempt> open = repository.attempt(statement, number).filter(Attempt::open);
		Optional<Payment> payment = payments.madeWith(account, key.get().group());
		if (open.isPresent() && payment.isPresent() && !payment.get().isProcessing()) {
			apply(open.get(), payment.get(), LocalDate.now(clock));
		}
	}

	// ---- where an account stands ----------------------------------------------------------------

	/**
	 * The account's latest statement if autopay pays it (due after the enrolment day), with what it would
	 * charge today and what it has tried so far.
	 */
	private Optional<Plan> plan(ServiceAccountId account, Enrolment enrolment) {
		Optional<AmountDue> due = billing.amountDue(account);
		if (due.isEmpty() || !due.get().dueDate().isAfter(enrolment.enrolledOn())) {
			return Optional.empty();
		}
		Money amount = due.get().remaining().minus(payments.pending(account));
		return Optional.of(new Plan(due.get(), amount, repository.attempts(due.get().statement())));
	}

	/** The attempt due next and from when; null when the statement is done with (paid, open or tried enough). */
	private @Nullable Next next(Plan plan) {
		if (plan.attempts().isEmpty()) {
			return new Next(1, plan.due().dueDate());
		}
		Attempt last = plan.attempts().get(plan.attempts().size() - 1);
		if (last.outcome().equals("DECLINED") && last.nextAttemptOn() != null
				&& last.attempt() < properties.attempts()) {
			return new Next(last.attempt() + 1, last.nextAttemptOn());
		}
		return null;
	}

	private Optional<PaymentMethod> defaultMethod(ServiceAccountId account) {
		return methods.findActive(account).stream().filter(PaymentMethod::isDefault).findFirst();
	}

	static String key(StatementId statement, int attempt) {
		return "autopay-" + statement.value() + "-" + attempt;
	}

	private static boolean positive(Money amount) {
		return !amount.isZero() && !amount.isNegative();
	}

	private record Plan(AmountDue due, Money amount, List<Attempt> attempts) {
	}

	private record Next(int attempt, LocalDate on) {
	}

	private static final class Tally {

		private int checked;

		private int reminders;

		private int charged;

		private int declined;

		void add(Action action) {
			checked++;
			switch (action) {
				case REMINDED -> reminders++;
				case CHARGED, PROCESSING -> charged++;
				case DECLINED -> declined++;
				default -> {
				}
			}
		}

		RunResult result() {
			return new RunResult(checked, reminders, charged, declined);
		}
	}
}
