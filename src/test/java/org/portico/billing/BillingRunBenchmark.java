package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.portico.TestMail;
import org.portico.billing.BillingRun.RunResult;
import org.portico.billing.LedgerRepository.NewEntry;
import org.portico.catalog.LocalizedText;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccountId;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test of behaviour (run on demand, see README “Benchmarks”): the billing run on a
 * provider's busiest billing day. It generates 100,000 accounts ({@code -Dbenchmark.accounts}) with the
 * bulk generator's mix of services, all billed on the same day, and bills them through the real full-base
 * path ({@link BillingRun#runThrough}), which walks every open account in the database: the generated
 * ones, the demo provider's and a few thousand warm-up accounts (already billed, so walked for nothing, as
 * on any real billing day). Run alone, the test database holds nothing else.
 *
 * <p>Three runs are measured: the first cycle (every account enrolled and billed for the first time,
 * every subscription's billing state written), an immediate rerun (nothing is due: the cost of walking the
 * base) and the next month's cycle after 90 % of the customers paid in full (previous balance, payments,
 * a late-fee check on every statement and a late fee on one in ten): the run a provider has every day.
 * Each is compared with a plain batched insert of the same number of rows, of the same shapes, into
 * scratch copies of the tables, measured in the same JVM right after it: the ratio says how far the run
 * is from just writing what it writes. Heap figures show whether memory stays flat. Prints the figures
 * and writes them to {@code target/benchmarks/billing-run.txt}.
 */
class BillingRunBenchmark extends IntegrationTestSupport {

	private static final int ACCOUNTS = Integer.getInteger("benchmark.accounts", 100_000);

	private static final int WARM_UP_ACCOUNTS = Integer.getInteger("benchmark.warm-up-accounts", 3_000);

	private static final LocalizedText PAYMENT = LocalizedText.of("Payment, thank you", "Pago, gracias");

	@Autowired
	BillingRun billing;

	@Autowired
	CustomerManagement customers;

	@Autowired
	SubscriptionManagement subscriptions;

	@Autowired
	LedgerRepository ledger;

	@Autowired
	BillingProperties properties;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.core.env.Environment environment;

	@Test
	void billingRunOfOneBusyBillingDay() throws Exception {
		LocalDate today = LocalDate.now(clock);
		LocalDate first = today.getDayOfMonth() <= 28 ? today : today.plusMonths(1).withDayOfMonth(1);
		LocalDate second = first.plusMonths(1);
		var generator = new BenchmarkAccounts(customers, subscriptions, transaction);

		// JIT, caches and pool: the same code on accounts of their own, through both cycles
		var warmUp = generator.generate(WARM_UP_ACCOUNTS, first.getDayOfMonth(), first, 7);
		billing.run(first, warmUp.accounts());
		pay(warmUp.accounts(), first);
		billing.run(second, warmUp.accounts());

		long generationStart = System.nanoTime();
		var base = generator.generate(ACCOUNTS, first.getDayOfMonth(), first, 42);
		double generationSeconds = seconds(generationStart);
		// what autovacuum does within a minute of a bulk load, and any real base has had long ago: without it the
		// first run plans its reads for the empty tables the migrations made
		jdbc.execute("analyze");
		long walked = jdbc.queryForObject("select count(*) from customer.service_account where status <> 'CLOSED'",
				Long.class);

		var report = new StringBuilder(String.format(Locale.US, """
				Billing run benchmark: %,d generated accounts (%,d services and equipment, generated in %.1f s), all billed on day %d;
				the run walks %,d open accounts (generated, demo, %,d warm-up); batches of %d accounts, %s at a time; %d cores, max heap %s
				""", ACCOUNTS, base.services(), generationSeconds, first.getDayOfMonth(), walked, WARM_UP_ACCOUNTS,
				properties.batchSize(), environment.getProperty("portico.billing.parallel-batches", "2"),
				Runtime.getRuntime().availableProcessors(),
				BenchmarkMemory.mib(Runtime.getRuntime().maxMemory())));
		report.append(String.format(Locale.US, "  database: %s%n", jdbc.queryForObject("select version()", String.class)));

		Measured firstCycle = measure("first cycle " + first + " (enrols and bills every account)", first, walked);
		assertThat(firstCycle.result().statements()).isGreaterThanOrEqualTo(base.accounts().size() * 95 / 100);
		report.append(firstCycle.report());
		report.append(plainInsert(firstCycle));

		Measured rerun = measure("rerun through " + first + " (nothing due: walking the base)", first, walked);
		assertThat(rerun.result().statements()).isZero();
		report.append(rerun.report());

		pay(base.accounts(), first);
		Measured nextCycle = measure("next cycle " + second + " (90 % paid; late-fee checks, 10 % charged)", second,
				walked);
		assertThat(nextCycle.result().statements()).isGreaterThanOrEqualTo(firstCycle.result().statements());
		report.append(nextCycle.report());
		report.append(plainInsert(nextCycle));

		System.out.println(report);
		Files.createDirectories(Path.of("target", "benchmarks"));
		Files.writeString(Path.of("target", "benchmarks", "billing-run.txt"), report.toString());
	}

	/** One billing run through {@code through}, with the rows it wrote and how the heap fared. */
	private Measured measure(String name, LocalDate through, long walked) throws Exception {
		Timestamp since = jdbc.queryForObject("select clock_timestamp()", Timestamp.class);
		var processed = meters.counter("portico.billing.accounts.processed");
		double startCount = processed.count();
		RunResult result;
		long started = System.nanoTime();
		double took;
		var memory = new BenchmarkMemory(() -> (processed.count() - startCount) / walked);
		try (memory) {
			started = System.nanoTime();
			result = billing.runThrough(through);
			took = seconds(started);
		}
		String announcements = announcements(result, since, started);
		var rows = new Rows(written("billing.statement", "created_at", since),
				written("billing.ledger_entry", "posted_at", since), written("billing.billed_service", "updated_at", since),
				written("billing.late_fee_check", "created_at", since));
		return new Measured(name, result, took, rows, memory, announcements);
	}

	/**
	 * The “statement ready” notices of the run's statements, enqueued by notifications' listener after each
	 * batch commits, on other threads while the run goes on (so their work is in the run's time too), and
	 * then delivered to the test SMTP server by the outbox: how long after the run started each was done.
	 */
	private String announcements(RunResult result, Timestamp since, long started) throws Exception {
		if (result.statements() == 0) {
			return "";
		}
		if (!Boolean.parseBoolean(System.getProperty("portico.notifications.statement-ready", "true"))) {
			return "    statement-ready notices: off for this run (-Dportico.notifications.statement-ready=false)\n";
		}
		long expected = jdbc.queryForObject(
				"select count(*) from billing.statement where created_at >= ? and due_date >= ?", Long.class, since,
				Date.valueOf(LocalDate.now(clock)));
		double enqueued = awaitCount("""
				select count(*) from notifications.message where template = 'statement-ready' and created_at >= ?""",
				since, expected, started);
		long delivered = jdbc.queryForObject("""
				select count(*) from notifications.message
				where template = 'statement-ready' and created_at >= ? and status = 'SENT'""", Long.class, since);
		double deliveredAfter = seconds(started);
		// The outbox would go on delivering the backlog (OutboxThroughputBenchmark measures that) through the
		// next measured run; it is reported here, then cancelled so that each run is measured on its own.
		jdbc.update("""
				update notifications.message set status = 'CANCELLED'
				where template = 'statement-ready' and created_at >= ? and status in ('PENDING', 'SENDING')""", since);
		TestMail.server().purgeEmailFromAllMailboxes();
		return String.format(Locale.US, """
				    statement-ready notices (%,d emails): all enqueued %.1f s after the run started; %,d delivered by \
				%.1f s, the rest cancelled%n""", expected, enqueued, delivered, deliveredAfter);
	}

	private double awaitCount(String sql, Timestamp since, long expected, long started) throws InterruptedException {
		long deadline = System.nanoTime() + 900_000_000_000L;
		while (jdbc.queryForObject(sql, Long.class, since) < expected) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not done in 15 minutes: " + sql);
			}
			Thread.sleep(100);
		}
		return seconds(started);
	}

	private long written(String table, String column, Timestamp since) {
		return jdbc.queryForObject("select count(*) from " + table + " where " + column + " >= ?", Long.class, since);
	}

	/**
	 * The same number of rows as the run wrote, of the same shapes (a real statement's lines and addresses),
	 * into scratch copies of the tables (same columns, defaults, checks and indexes; no foreign keys), with
	 * the same JDBC batches and a transaction per batch of accounts: what writing alone costs.
	 */
	private String plainInsert(Measured run) {
		jdbc.execute("drop schema if exists billing_benchmark cascade");
		jdbc.execute("create schema billing_benchmark");
		for (String table : List.of("statement", "ledger_entry", "billed_service", "late_fee_check")) {
			jdbc.execute("create table billing_benchmark." + table + " (like billing." + table + " including all)");
		}
		var sample = jdbc.queryForMap("""
				select account_number, holder_name, bill_to::text as bill_to, service_address::text as service_address,
				    lines::text as lines
				from billing.statement order by created_at desc limit 1""");
		Rows rows = run.rows();
		int transactions = Math.max(1, (int) Math.ceil((double) run.result().accounts() / properties.batchSize()));
		LocalDate day = LocalDate.now(clock);
		long started = System.nanoTime();
		for (int t = 0; t < transactions; t++) {
			int part = t;
			transaction.executeWithoutResult(status -> {
				var statementIds = new ArrayList<UUID>();
				int statements = share(rows.statements(), part, transactions);
				for (int i = 0; i < statements; i++) {
					statementIds.add(UUID.randomUUID());
				}
				jdbc.batchUpdate("""
						insert into billing_benchmark.statement (id, account_id, account_number, cycle_start, cycle_end,
						    due_date, previous_balance_minor, payments_credits_minor, new_charges_minor, taxes_minor,
						    amount_due_minor, currency, language, paperless, holder_name, bill_to, service_address, lines,
						    ledger_watermark)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)""", statementIds,
						1_000, (row, id) -> {
							row.setObject(1, id);
							row.setObject(2, UUID.randomUUID());
							row.setString(3, (String) sample.get("account_number"));
							row.setDate(4, Date.valueOf(day));
							row.setDate(5, Date.valueOf(day.plusMonths(1)));
							row.setDate(6, Date.valueOf(day.plusDays(21)));
							row.setLong(7, 0);
							row.setLong(8, 0);
							row.setLong(9, 12_345);
							row.setLong(10, 678);
							row.setLong(11, 13_023);
							row.setString(12, "USD");
							row.setString(13, "en-US");
							row.setBoolean(14, false);
							row.setString(15, (String) sample.get("holder_name"));
							row.setString(16, (String) sample.get("bill_to"));
							row.setString(17, (String) sample.get("service_address"));
							row.setString(18, (String) sample.get("lines"));
							row.setLong(19, 1);
						});
				int entries = share(rows.ledgerEntries(), part, transactions);
				var entryRows = new ArrayList<Integer>();
				for (int i = 0; i < entries; i++) {
					entryRows.add(i);
				}
				jdbc.batchUpdate("""
						insert into billing_benchmark.ledger_entry (account_id, entry_type, amount_minor, currency,
						    effective_on, description_en, description_es, statement_id, reference)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", entryRows, 1_000, (row, i) -> {
					row.setObject(1, UUID.randomUUID());
					row.setString(2, "CHARGE");
					row.setLong(3, 12_345);
					row.setString(4, "USD");
					row.setDate(5, Date.valueOf(day));
					row.setString(6, "Statement charges");
					row.setString(7, "Cargos del estado de cuenta");
					row.setObject(8, statementIds.isEmpty() ? null : statementIds.get(i % statementIds.size()));
					row.setString(9, null);
				});
				int billed = share(rows.billedServices(), part, transactions);
				var billedRows = new ArrayList<Integer>();
				for (int i = 0; i < billed; i++) {
					billedRows.add(i);
				}
				jdbc.batchUpdate("""
						insert into billing_benchmark.billed_service (subscription_id, account_id, billed_through)
						values (?, ?, ?)""", billedRows, 1_000, (row, i) -> {
					row.setObject(1, UUID.randomUUID());
					row.setObject(2, UUID.randomUUID());
					row.setDate(3, null);
				});
				int checks = Math.min(share(rows.lateFeeChecks(), part, transactions), statementIds.size());
				jdbc.batchUpdate("""
						insert into billing_benchmark.late_fee_check (statement_id, checked_on, charged) values (?, ?, ?)""",
						statementIds.subList(0, checks), 1_000, (row, id) -> {
							row.setObject(1, id);
							row.setDate(2, Date.valueOf(day));
							row.setBoolean(3, false);
						});
			});
		}
		double took = seconds(started);
		jdbc.execute("drop schema billing_benchmark cascade");
		long total = rows.total();
		return String.format(Locale.US, """
				    plain batched insert of the same %,d rows (%,d transactions): %.2f s, %,.0f rows/s; the run writes %,.0f rows/s
				    run / plain insert: %.1f× the time
				""", total, transactions, took, total / took, total / run.seconds(), run.seconds() / took);
	}

	private static int share(long total, int part, int parts) {
		return (int) (total * (part + 1) / parts - total * part / parts);
	}

	/** Customers pay what their statement of {@code cycle} asks, ten days later; one in ten does not pay. */
	private void pay(List<ServiceAccountId> accounts, LocalDate cycle) {
		var ours = new HashSet<UUID>();
		accounts.forEach(account -> ours.add(account.value()));
		var payments = new ArrayList<NewEntry>();
		jdbc.query("select account_id, amount_due_minor from billing.statement where cycle_start = ? and amount_due_minor > 0",
				row -> {
					UUID account = row.getObject("account_id", UUID.class);
					if (ours.contains(account) && Math.floorMod(account.hashCode(), 10) != 0) {
						payments.add(new NewEntry(new ServiceAccountId(account), LedgerEntryType.PAYMENT,
								-row.getLong("amount_due_minor"), properties.currency().getCurrencyCode(), cycle.plusDays(10),
								PAYMENT, null, "benchmark-" + UUID.randomUUID()));
					}
				}, Date.valueOf(cycle));
		for (int from = 0; from < payments.size(); from += 5_000) {
			List<NewEntry> batch = payments.subList(from, Math.min(payments.size(), from + 5_000));
			transaction.executeWithoutResult(status -> ledger.insertAll(batch));
		}
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	/** Rows one run wrote, by table. */
	record Rows(long statements, long ledgerEntries, long billedServices, long lateFeeChecks) {

		long total() {
			return statements + ledgerEntries + billedServices + lateFeeChecks;
		}
	}

	record Measured(String name, RunResult result, double seconds, Rows rows, BenchmarkMemory memory,
			String announcements) {

		String report() {
			return String.format(Locale.US, """
					  %s:
					    %,d accounts walked, %,d statements, %,d late fees in %.2f s: %,.0f statements/s, %,.0f accounts/s
					    rows written: %,d statements, %,d ledger entries, %,d billed-service rows, %,d late-fee checks
					%s%s""", name, result.accounts(), result.statements(), result.lateFees(), seconds,
					result.statements() / seconds, result.accounts() / seconds, rows.statements(), rows.ledgerEntries(),
					rows.billedServices(), rows.lateFeeChecks(), memory.report(), announcements);
		}
	}
}
