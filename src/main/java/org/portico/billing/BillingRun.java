package org.portico.billing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.portico.billing.BillingAccountRepository.BilledChange;
import org.portico.billing.BillingAccountRepository.Enrolment;
import org.portico.billing.LedgerRepository.NewEntry;
import org.portico.billing.LedgerRepository.StoredEntry;
import org.portico.billing.StatementCalculator.Activity;
import org.portico.billing.StatementCalculator.BilledState;
import org.portico.billing.StatementCalculator.PreviousStatement;
import org.portico.billing.StatementRepository.LateFeeDue;
import org.portico.catalog.CatalogManagement;
import org.portico.catalog.LocalizedText;
import org.portico.catalog.Offering;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.Promotion;
import org.portico.catalog.PromotionCode;
import org.portico.customer.AccountStatus;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;
import org.portico.subscriptions.Subscription;
import org.portico.subscriptions.SubscriptionManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing run: brings every open account up to a business date. For each account it issues the
 * statement of every billing day up to that date it has not had yet (so a run after downtime catches up,
 * in order) and charges the late fee of every statement whose due date has passed unpaid, in date order.
 * Accounts go in batches, one transaction each; a statement is issued at most once per account and
 * cycle (a unique constraint, and each batch locks its accounts), so runs may overlap or repeat safely.
 *
 * <p>The scheduled {@link BillingRunJob} runs it through today; the demo seeder runs it over a year of
 * past dates to produce the demo history.
 */
@Service
public class BillingRun {

	private static final Logger log = LoggerFactory.getLogger(BillingRun.class);

	private static final LocalizedText LATE_FEE = LocalizedText.of("Late fee", "Cargo por pago atrasado");

	private final CustomerManagement customers;

	private final SubscriptionManagement subscriptions;

	private final CatalogManagement catalog;

	private final BillingAccountRepository accounts;

	private final StatementRepository statements;

	private final LedgerRepository ledger;

	private final UsageChargeSource usage;

	private final PendingPaymentSource pending;

	private final BillingProperties properties;

	private final StatementCalculator calculator;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Counter issued;

	private final Counter lateFees;

	private final Counter accountsLookedAt;

	private final Timer runs;

	private final AtomicInteger lastRunStatements = new AtomicInteger();

	private final int parallelBatches;

	BillingRun(CustomerManagement customers, SubscriptionManagement subscriptions, CatalogManagement catalog,
			BillingAccountRepository accounts, StatementRepository statements, LedgerRepository ledger,
			UsageChargeSource usage, PendingPaymentSource pending, BillingProperties properties, TransactionTemplate transaction,
			ApplicationEventPublisher events, MeterRegistry meters,
			@Value("${portico.billing.parallel-batches:2}") int parallelBatches) {
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.accounts = accounts;
		this.statements = statements;
		this.ledger = ledger;
		this.usage = usage;
		this.pending = pending;
		this.properties = properties;
		this.calculator = new StatementCalculator(properties);
		this.transaction = transaction;
		this.events = events;
		if (parallelBatches < 1 || parallelBatches > 16) {
			throw new IllegalArgumentException("portico.billing.parallel-batches must be 1 to 16");
		}
		this.parallelBatches = parallelBatches;
		this.issued = meters.counter("portico.billing.statements.issued");
		this.lateFees = meters.counter("portico.billing.late.fees");
		this.accountsLookedAt = meters.counter("portico.billing.accounts.processed");
		this.runs = meters.timer("portico.billing.run");
		meters.gauge("portico.billing.run.last.statements", lastRunStatements);
	}

	/** Issues what is due on every open account through {@code through} (a business date in {@code portico.zone}). */
	public RunResult runThrough(LocalDate through) {
		return run(through, null);
	}

	/**
	 * Runs for some accounts only: tests (which share one database) bill their own accounts without
	 * touching anyone else's; otherwise exactly the full run's path.
	 */
	RunResult run(LocalDate through, @Nullable Collection<ServiceAccountId> only) {
		long started = System.nanoTime();
		var prices = new Prices(catalog);
		log.info("Billing run through {}: started", through);
		var batches = new Batches(through, prices, started);
		try {
			if (only != null) {
				List<ServiceAccount> chosen = customers.findAll(only)
					.stream()
					.filter(account -> account.status() != AccountStatus.CLOSED)
					.sorted(Comparator.comparing(account -> account.id().value()))
					.toList();
				for (int from = 0; from < chosen.size(); from += properties.batchSize()) {
					batches.submit(chosen.subList(from, Math.min(chosen.size(), from + properties.batchSize())));
				}
			}
			else {
				ServiceAccountId after = null;
				List<ServiceAccount> batch;
				while (!(batch = customers.openAccountsAfter(after, properties.batchSize())).isEmpty()) {
					batches.submit(batch);
					after = batch.get(batch.size() - 1).id();
				}
			}
		}
		finally {
			batches.finish();
		}
		RunResult totals = batches.totals();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		runs.record(took);
		lastRunStatements.set(totals.statements());
		RunResult result = new RunResult(totals.accounts(), totals.statements(), totals.lateFees(), took);
		log.info("Billing run through {}: done: {} accounts, {} statements issued, {} late fees, in {} ms ({}/s)",
				through, result.accounts(), result.statements(), result.lateFees(), took.toMillis(),
				perSecond(result.statements(), took.toNanos()));
		return result;
	}

	/**
	 * The batches of one run, {@code portico.billing.parallel-batches} at a time, each in its own
	 * transaction on its own connection: one batch keeps a database core and an application core busy in
	 * turn, so two (on a two-core machine) nearly double a run. Batches hold disjoint accounts (keyset
	 * pages), so they never wait on each other's locks; at most that many are held in memory. The first
	 * failure stops the run: batches already committed stay (the next run carries on from them).
	 */
	private final class Batches {

		private final LocalDate through;

		private final Prices prices;

		private final long started;

		private final java.util.ArrayDeque<java.util.concurrent.Future<RunResult>> inFlight = new java.util.ArrayDeque<>();

		private final java.util.concurrent.@Nullable ExecutorService workers;

		private RunResult totals = new RunResult(0, 0, 0, Duration.ZERO);

		private int done;

		Batches(LocalDate through, Prices prices, long started) {
			this.through = through;
			this.prices = prices;
			this.started = started;
			var names = new AtomicInteger();
			this.workers = parallelBatches <= 1 ? null
					: java.util.concurrent.Executors.newFixedThreadPool(parallelBatches, task -> {
						var thread = new Thread(task, "billing-run-" + names.incrementAndGet());
						thread.setDaemon(true);
						return thread;
					});
		}

		void submit(List<ServiceAccount> batch) {
			if (workers == null) {
				add(Objects.requireNonNull(transaction.execute(status -> bill(batch, through, prices))));
				return;
			}
			if (inFlight.size() >= parallelBatches) {
				add(await(inFlight.removeFirst()));
			}
			inFlight.addLast(workers.submit(() -> Objects.requireNonNull(transaction.execute(status -> bill(batch, through, prices)))));
		}

		/** Waits for the batches still running, and stops the workers. */
		void finish() {
			try {
				while (!inFlight.isEmpty()) {
					add(await(inFlight.removeFirst()));
				}
			}
			finally {
				if (workers != null) {
					workers.shutdown();
				}
			}
		}

		RunResult totals() {
			return totals;
		}

		private void add(RunResult batch) {
			totals = totals.plus(batch);
			if (++done % 20 == 0) {
				log.info("Billing run through {}: {} accounts looked at, {} statements and {} late fees so far ({}/s)",
						through, totals.accounts(), totals.statements(), totals.lateFees(),
						perSecond(totals.statements(), System.nanoTime() - started));
			}
		}

		private RunResult await(java.util.concurrent.Future<RunResult> batch) {
			try {
				return batch.get();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Billing run interrupted", e);
			}
			catch (java.util.concurrent.ExecutionException e) {
				if (e.getCause() instanceof RuntimeException failure) {
					throw failure;
				}
				if (e.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(e.getCause());
			}
		}
	}

	private static long perSecond(int count, long nanos) {
		return nanos <= 0 ? 0 : Math.round(count * 1e9 / nanos);
	}

	/** One batch in one transaction: every statement and late fee due on these accounts through {@code through}. */
	private RunResult bill(List<ServiceAccount> batch, LocalDate through, Prices prices) {
		Map<ServiceAccountId, ServiceAccount> byId = new LinkedHashMap<>();
		batch.forEach(account -> byId.put(account.id(), account));
		Map<ServiceAccountId, Enrolment> enrolments = accounts.enrolAndLock(byId.keySet(), through);
		Map<ServiceAccountId, PreviousStatement> latest = statements.latest(byId.keySet());
		Map<ServiceAccountId, List<LateFeeDue>> lateFeesDue = group(statements.lateFeesDue(byId.keySet(), through));
		int issuedHere = 0;
		int feesHere = 0;
		while (true) {
			var feeRound = new ArrayList<LateFeeDue>();
			var cycleRound = new LinkedHashMap<ServiceAccountId, BillingCycle>();
			for (ServiceAccount account : batch) {
				LocalDate nextCycle = nextCycle(account, enrolments.get(account.id()), latest.get(account.id()));
				List<LateFeeDue> fees = lateFeesDue.getOrDefault(account.id(), List.of());
				LocalDate feeDay = fees.isEmpty() ? null : fees.get(0).dueDate().plusDays(1);
				// a late fee the day before (or the day of) the next statement goes on that statement
				if (feeDay != null && !feeDay.isAfter(through) && !feeDay.isAfter(nextCycle)) {
					feeRound.add(fees.remove(0));
				}
				else if (!nextCycle.isAfter(through)) {
					cycleRound.put(account.id(), BillingCycle.starting(nextCycle));
				}
			}
			if (feeRound.isEmpty() && cycleRound.isEmpty()) {
				break;
			}
			feesHere += chargeLateFees(feeRound);
			if (!cycleRound.isEmpty()) {
				Map<ServiceAccountId, PreviousStatement> issuedNow = issue(cycleRound, byId, enrolments, latest, prices);
				latest.putAll(issuedNow);
				issuedHere += issuedNow.size();
				// statements of a long catch-up may fall due within the run themselves
				if (issuedNow.values().stream().anyMatch(statement -> statement.dueDate().isBefore(through))) {
					lateFeesDue = group(statements.lateFeesDue(byId.keySet(), through));
				}
			}
		}
		issued.increment(issuedHere);
		lateFees.increment(feesHere);
		accountsLookedAt.increment(batch.size());
		return new RunResult(batch.size(), issuedHere, feesHere, Duration.ZERO);
	}

	private static Map<ServiceAccountId, List<LateFeeDue>> group(List<LateFeeDue> due) {
		return due.stream()
			.collect(Collectors.groupingBy(LateFeeDue::account, HashMap::new, Collectors.toCollection(ArrayList::new)));
	}

	/** The next statement date: the day after the last cycle, or the first billing day since billing saw the account. */
	private static LocalDate nextCycle(ServiceAccount account, Enrolment enrolment, @Nullable PreviousStatement last) {
		if (last != null) {
			return last.cycle().end();
		}
		return BillingCycle.firstStatementOnOrAfter(enrolment.enrolledOn(), account.billingDay());
	}

	private int chargeLateFees(List<LateFeeDue> due) {
		if (due.isEmpty()) {
			return 0;
		}
		Money fee = properties.lateFeeAmount();
		var entries = new ArrayList<NewEntry>();
		var checked = new ArrayList<LateFeeDue>();
		var charged = new ArrayList<Boolean>();
		Map<ServiceAccountId, Long> pendingByAccount = pendingFor(due);
		for (LateFeeDue statement : due) {
			boolean charge = statement.unpaid() && !fee.isZero();
			if (charge && statement.receivedMinor() + pendingByAccount.getOrDefault(statement.account(), 0L) >= statement
				.amountDueMinor()) {
				// a payment submitted by the due date is still processing and covers it: no fee, and no verdict
				// yet either; the next run looks again, and charges the fee if that payment has failed by then
				continue;
			}
			checked.add(statement);
			charged.add(charge);
			if (charge) {
				entries.add(new NewEntry(statement.account(), LedgerEntryType.LATE_FEE, fee.minorUnits(),
						fee.currency().getCurrencyCode(), statement.dueDate().plusDays(1), LATE_FEE, statement.statement(),
						null));
			}
		}
		ledger.insertAll(entries);
		if (!checked.isEmpty()) {
			statements.recordLateFeeChecks(checked, charged);
		}
		return entries.size();
	}

	/** Pending payments of the accounts that could owe a fee, submitted by each one's due date. */
	private Map<ServiceAccountId, Long> pendingFor(List<LateFeeDue> due) {
		var unpaid = due.stream().filter(LateFeeDue::unpaid).toList();
		if (unpaid.isEmpty()) {
			return Map.of();
		}
		var result = new HashMap<ServiceAccountId, Long>();
		// one due date per call: a payment submitted after the due date does not stop that statement's fee
		unpaid.stream().collect(Collectors.groupingBy(LateFeeDue::dueDate)).forEach((dueDate, statementsDue) -> {
			pending.pendingMinor(statementsDue.stream().map(LateFeeDue::account).toList(), dueDate)
				.forEach((account, minor) -> result.merge(account, minor, Long::sum));
		});
		return result;
	}

	private Map<ServiceAccountId, PreviousStatement> issue(Map<ServiceAccountId, BillingCycle> cycles,
			Map<ServiceAccountId, ServiceAccount> byId, Map<ServiceAccountId, Enrolment> enrolments,
			Map<ServiceAccountId, PreviousStatement> latest, Prices prices) {
		LocalDate lastEnd = cycles.values().stream().map(BillingCycle::end).max(Comparator.naturalOrder()).orElseThrow();
		Map<ServiceAccountId, List<Subscription>> services = subscriptions.startedBefore(cycles.keySet(), lastEnd);
		Map<java.util.UUID, BilledState> billed = accounts.billedServices(cycles.keySet());
		long lowestWatermark = cycles.keySet()
			.stream()
			.map(latest::get)
			.mapToLong(previous -> previous == null ? 0 : previous.watermark())
			.min()
			.orElse(0);
		Map<ServiceAccountId, List<StoredEntry>> entries = ledger.after(cycles.keySet(), lowestWatermark)
			.stream()
			.collect(Collectors.groupingBy(StoredEntry::account));
		Map<ServiceAccountId, List<UsageCharge>> usageCharges = usage
			.chargesFor(cycles.entrySet()
				.stream()
				.map(cycle -> new UsageChargeSource.Period(cycle.getKey(), cycle.getValue().previous().start(),
						cycle.getValue().start()))
				.toList())
			.stream()
			.collect(Collectors.groupingBy(UsageCharge::account));

		var records = new ArrayList<StatementRecord>(cycles.size());
		var postings = new ArrayList<NewEntry>(cycles.size() * 3);
		var billedChanges = new ArrayList<BilledChange>();
		var notices = new ArrayList<StatementIssued>(cycles.size());
		var issuedNow = new HashMap<ServiceAccountId, PreviousStatement>();
		for (Map.Entry<ServiceAccountId, BillingCycle> due : cycles.entrySet()) {
			ServiceAccountId id = due.getKey();
			BillingCycle cycle = due.getValue();
			ServiceAccount account = byId.get(id);
			PreviousStatement previous = latest.get(id);
			long watermark = previous == null ? 0 : previous.watermark();
			var activity = new ArrayList<Activity>();
			for (StoredEntry entry : entries.getOrDefault(id, List.of())) {
				if (entry.id() <= watermark) {
					continue;
				}
				watermark = Math.max(watermark, entry.id());
				boolean postedByPrevious = previous != null && previous.id().equals(entry.statement())
						&& entry.type() != LedgerEntryType.LATE_FEE;
				if (!postedByPrevious) {
					activity.add(new Activity(entry.id(), entry.type(), entry.amountMinor(), entry.effectiveOn(),
							entry.description()));
				}
			}
			List<Subscription> theirs = services.getOrDefault(id, List.of())
				.stream()
				.filter(subscription -> subscription.startedOn().isBefore(cycle.end()))
				.toList();
			StatementDraft draft = calculator.calculate(new StatementCalculator.Input(account,
					enrolments.get(id).enrolledOn(), cycle, previous, theirs, billed, prices::offering,
					prices::promotion, activity, watermark, usageCharges.getOrDefault(id, List.of())));
			var statementId = StatementId.random();
			var currency = properties.currency();
			records.add(new StatementRecord(statementId, id, account.number(), cycle.start(), cycle.end(),
					draft.dueDate(), draft.previousBalanceMinor(), draft.paymentsAndCreditsMinor(),
					draft.newChargesMinor(), draft.taxesMinor(), draft.amountDueMinor(), currency,
					account.holder().language(), enrolments.get(id).paperless(), account.holder().fullName(),
					account.billingAddress(), account.serviceAddress(), draft.lines(), draft.ledgerWatermark()));
			for (StatementDraft.Posting posting : draft.postings()) {
				postings.add(new NewEntry(id, posting.type(), posting.amountMinor(), currency.getCurrencyCode(),
						cycle.start(), posting.description(), statementId, posting.reference()));
			}
			billedChanges.addAll(BillingAccountRepository.changes(id, draft.billedThrough(), billed));
			notices.add(new StatementIssued(statementId, id, account.number(), account.holder().id(), cycle.start(),
					Money.ofMinor(draft.amountDueMinor(), currency), draft.dueDate(), enrolments.get(id).paperless()));
			issuedNow.put(id, new PreviousStatement(statementId, cycle, draft.dueDate(), draft.amountDueMinor(),
					draft.ledgerWatermark()));
		}
		statements.insertAll(records);
		ledger.insertAll(postings);
		accounts.saveBilledServices(billedChanges);
		events.publishEvent(new StatementsIssued(notices));
		return issuedNow;
	}

	/** What one run (or batch) did. */
	public record RunResult(int accounts, int statements, int lateFees, Duration took) {

		RunResult plus(RunResult other) {
			return new RunResult(accounts + other.accounts, statements + other.statements, lateFees + other.lateFees,
					took);
		}
	}

	/** Offerings and promotions, read once per run: a catalogue holds dozens, a run bills thousands of lines. */
	private static final class Prices {

		private final CatalogManagement catalog;

		private final Map<OfferingCode, Offering> offerings = new HashMap<>();

		private final Map<PromotionCode, Promotion> promotions = new HashMap<>();

		Prices(CatalogManagement catalog) {
			this.catalog = catalog;
		}

		synchronized Offering offering(OfferingCode code) {
			return offerings.computeIfAbsent(code, catalog::get);
		}

		synchronized Promotion promotion(PromotionCode code) {
			return promotions.computeIfAbsent(code, missing -> catalog.promotion(missing)
				.orElseThrow(() -> new IllegalStateException("A subscription has the unknown promotion " + missing)));
		}
	}
}
