package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.portico.TestMail;
import org.portico.billing.BillingFixtures;
import org.portico.billing.BillingManagement;
import org.portico.catalog.LocalizedText;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test of behaviour (run on demand, see README “Running the benchmarks”): settled
 * payments per second through {@link Payments#pay} with saved sandbox cards, from several threads at once,
 * against a plain insert-and-update of the same rows, in one run.
 *
 * <p>{@code -Dbenchmark.accounts} accounts (default 200), each with a statement, a balance to pay and a
 * saved card (4242…, approved) added through the hosted-fields token endpoint and {@link PaymentMethods#add}.
 * After a warm-up, slices of the two alternate ({@code -Dbenchmark.slices} of each, default 10):
 * <ol>
 * <li>the real path: each payment a fresh idempotency key on one of the thread's own accounts (customers
 * pay their own bills: no two threads pay one account at once). A slice ends when its payments have
 * returned and the receipt of each is in the outbox (the {@code PaymentSettled} listener runs after the
 * commit, on another thread): enqueueing the receipts is part of settling. The outbox delivers them to the
 * test SMTP server meanwhile, as it would; the tail of that delivery is awaited, untimed, before the next
 * slice, so that it does not weigh on the baseline.</li>
 * <li>the baseline: the same rows written plainly — the payment row inserted processing (on its own, as
 * the real path commits it before charging), then in one transaction updated to settled with the ledger's
 * payment entry inserted — with the same threads, connection pool and accounts; no gateway, no
 * idempotency or amount checks, no account lock, no event.</li>
 * </ol>
 * Then a profile of each (one thread, a fixed number of payments): transactions and table accesses per
 * payment, from PostgreSQL's statistics. Every real payment is checked at the end: settled, exactly one
 * approved sandbox charge of its amount, exactly one ledger entry, one receipt, so that failures cannot
 * pass for speed. Prints the figures and writes them to {@code target/benchmarks/payments.txt}.
 */
class PaymentBenchmark extends IntegrationTestSupport {

	private static final int ACCOUNTS = Integer.getInteger("benchmark.accounts", 200);

	private static final int THREADS = Integer.getInteger("benchmark.threads", 8);

	private static final int SLICES = Integer.getInteger("benchmark.slices", 10);

	private static final long SLICE_MILLIS = Long.getLong("benchmark.slice-millis", 3_000);

	private static final long WARM_UP_MILLIS = Long.getLong("benchmark.warm-up-millis", 15_000);

	private static final int PROFILED = Integer.getInteger("benchmark.profiled-payments", 300);

	private static final String CARD = "4242424242424242";

	private static final Pattern TOKEN = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Payments payments;

	@Autowired
	PaymentMethods methods;

	@Autowired
	BillingFixtures billingFixtures;

	@Autowired
	BillingManagement billing;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Environment environment;

	@Autowired
	Clock clock;

	private final HttpClient http = HttpClient.newHttpClient();

	/** Every payment made through the real path (warm-up, slices, profile): checked at the end. */
	private final ConcurrentLinkedQueue<PaymentId> made = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<UUID> baselineMade = new ConcurrentLinkedQueue<>();

	private long receiptsBefore;

	private final java.util.concurrent.atomic.AtomicInteger realReceiptCollisions = new java.util.concurrent.atomic.AtomicInteger();

	private final java.util.concurrent.atomic.AtomicInteger receiptCollisions = new java.util.concurrent.atomic.AtomicInteger();

	@Test
	void settledPaymentsPerSecondAgainstAPlainInsertAndUpdate() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			run(pool);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void run(ExecutorService pool) throws Exception {
		long setupStart = System.nanoTime();
		List<Payer> payers = payers(pool);
		double setupSeconds = seconds(setupStart);
		receiptsBefore = receipts();

		// JIT, caches, pool and the tables' first pages: both paths, the real one for longer (far more code)
		slice(pool, payers, true, WARM_UP_MILLIS);
		awaitDelivered(made.size());
		slice(pool, payers, false, WARM_UP_MILLIS / 3);

		List<Slice> real = new ArrayList<>();
		List<Slice> baseline = new ArrayList<>();
		double deliveryTail = 0;
		for (int i = 0; i < SLICES; i++) {
			Slice slice = slice(pool, payers, true, SLICE_MILLIS);
			real.add(slice);
			long tail = System.nanoTime();
			awaitDelivered(made.size());
			deliveryTail += seconds(tail);
			baseline.add(slice(pool, payers, false, SLICE_MILLIS));
		}

		Profile realProfile = profile(payers, true);
		Profile baselineProfile = profile(payers, false);
		awaitDelivered(made.size());

		var report = report(payers.size(), setupSeconds, real, baseline, deliveryTail, realProfile, baselineProfile);
		System.out.println(report);
		Files.createDirectories(Path.of("target", "benchmarks"));
		Files.writeString(Path.of("target", "benchmarks", "payments.txt"), report);

		verify();
	}

	// ---- accounts --------------------------------------------------------------------------------

	/** An account with a statement, a balance and a saved card, and the owner login that pays. */
	record Payer(ServiceAccountId account, LoginId login, PaymentMethodId method, String gatewayCustomer,
			String gatewayMethod) {
	}

	private List<Payer> payers(ExecutorService pool) throws Exception {
		var futures = new ArrayList<Future<Payer>>();
		for (int i = 0; i < ACCOUNTS; i++) {
			futures.add(pool.submit(this::payer));
		}
		var payers = new ArrayList<Payer>();
		for (Future<Payer> future : futures) {
			payers.add(future.get());
		}
		jdbc.execute("analyze");
		return payers;
	}

	private Payer payer() throws Exception {
		var history = billingFixtures.oneStatement();
		ServiceAccountId account = history.account().id();
		LoginId login = history.owned().owner().id();
		// enough to pay against for the whole run: every payment is within the balance
		billing.addCharge(account, Money.usd("100000.00"), LocalDate.now(clock),
				LocalizedText.of("Benchmark balance", "Saldo de prueba de rendimiento"), null);
		PaymentMethod method = methods.add(account, token(), true, login,
				new Consent("I authorise the provider to keep this card on file.", "127.0.0.1"));
		Map<String, Object> reference = jdbc.queryForMap(
				"select gateway_customer, gateway_reference from payments.payment_method where id = ?", method.id().value());
		return new Payer(account, login, method.id(), (String) reference.get("gateway_customer"),
				(String) reference.get("gateway_reference"));
	}

	/** A single-use card token from the sandbox's hosted-fields endpoint, as the browser would get one. */
	private String token() throws Exception {
		String key = environment.getProperty("portico.payments.sandbox.publishable-key", "pk_sandbox_portico");
		int year = LocalDate.now(clock).getYear() + 3;
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox-gateway/v1/tokens"))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"type": "card", "number": "%s", "expMonth": 12, "expYear": %d, "cvc": "123", "postalCode": "19103"}"""
				.formatted(CARD, year)))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		Matcher matcher = TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !matcher.find()) {
			throw new AssertionError("Tokenisation failed: " + response.statusCode() + " " + response.body());
		}
		return matcher.group(1);
	}

	// ---- slices ------------------------------------------------------------------------------------

	/** Payments made in one slice and how long it took, with the real path's latencies. */
	record Slice(int payments, double seconds, double callSeconds, List<Long> latencies) {

		double rate() {
			return payments / seconds;
		}
	}

	/**
	 * Each thread pays its own accounts in turn (thread t: accounts t, t + threads, …) until the time is up.
	 * A real slice lasts until the receipts of its payments are enqueued as well.
	 */
	private Slice slice(ExecutorService pool, List<Payer> payers, boolean real, long millis) throws Exception {
		long start = System.nanoTime();
		long deadline = start + TimeUnit.MILLISECONDS.toNanos(millis);
		var futures = new ArrayList<Future<List<Long>>>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			int own = (payers.size() - thread + THREADS - 1) / THREADS;
			futures.add(pool.submit(() -> {
				var latencies = new ArrayList<Long>();
				for (int k = 0; System.nanoTime() < deadline; k++) {
					Payer payer = payers.get(thread + (k % own) * THREADS);
					long began = System.nanoTime();
					if (real ? payReally(payer) : payPlainly(payer)) {
						latencies.add(System.nanoTime() - began);
					}
				}
				return latencies;
			}));
		}
		var latencies = new ArrayList<Long>();
		for (Future<List<Long>> future : futures) {
			latencies.addAll(future.get());
		}
		double callSeconds = seconds(start);
		if (real) {
			awaitReceipts(made.size());
		}
		return new Slice(latencies.size(), seconds(start), callSeconds, latencies);
	}

	/** True when settled; false for the known receipt-number fault (counted); anything else fails the run. */
	private boolean payReally(Payer payer) {
		Money amount = Money.ofMinor(1_000 + ThreadLocalRandom.current().nextInt(4_000), Money.USD);
		Payment payment;
		try {
			payment = payments.pay(
					new PaymentRequest(payer.account(), UUID.randomUUID().toString(), amount, payer.method(), null, payer.login()));
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			if (!String.valueOf(e.getMessage()).contains("payment_receipt_number_key")) {
				throw e;
			}
			// a known fault of Payments.pay (see the report): counted and shown, not hidden
			realReceiptCollisions.incrementAndGet();
			return false;
		}
		made.add(payment.id());
		if (payment.status() != PaymentStatus.SETTLED) {
			throw new AssertionError("Payment " + payment.receiptNumber() + " is " + payment.status());
		}
		return true;
	}

	/** The rows the real path writes for a settled payment, written plainly: same tables, same shapes. */
	private boolean payPlainly(Payer payer) {
		UUID id = UUID.randomUUID();
		long amount = 1_000 + ThreadLocalRandom.current().nextInt(4_000);
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		String receipt = insertProcessing(payer, id, amount, now, today);
		transaction.executeWithoutResult(status -> {
			jdbc.update("""
					update payments.payment set status = 'SETTLED', settled_at = ?, gateway_reference = ?,
					  next_check_at = null, version = version + 1
					where id = ? and status = 'PROCESSING'""", Timestamp.from(clock.instant()),
					"ch_plain_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), id);
			jdbc.update("""
					insert into billing.ledger_entry (account_id, entry_type, amount_minor, currency, effective_on,
					  description_en, description_es, statement_id, reference)
					values (?, 'PAYMENT', ?, 'USD', ?, ?, ?, null, ?)""", payer.account().value(), -amount,
					Date.valueOf(today), "Payment, thank you (receipt " + receipt + ")",
					"Pago, gracias (recibo " + receipt + ")", "payment:" + receipt);
		});
		baselineMade.add(id);
		return true;
	}

	/**
	 * The payment row, processing; returns its receipt number. Receipt numbers are random (six characters
	 * a day) and unique: a number drawn twice is drawn again.
	 */
	private String insertProcessing(Payer payer, UUID id, long amount, Instant now, LocalDate today) {
		while (true) {
			String receipt = Payments.receiptNumber(today);
			try {
				jdbc.update("""
						insert into payments.payment (id, account_id, receipt_number, idempotency_key, amount_minor, currency,
						  method_id, method_kind, method_brand, method_last4, gateway, gateway_customer, gateway_method, one_time,
						  status, submitted_by, submitted_at, submitted_on, next_check_at)
						values (?, ?, ?, ?, ?, 'USD', ?, 'CARD', 'visa', '4242', 'sandbox', ?, ?, false, 'PROCESSING', ?, ?, ?, ?)""",
						id, payer.account().value(), receipt, UUID.randomUUID().toString(), amount, payer.method().value(),
						payer.gatewayCustomer(), payer.gatewayMethod(), payer.login().value(), Timestamp.from(now),
						Date.valueOf(today), Timestamp.from(now.plusSeconds(120)));
				return receipt;
			}
			catch (org.springframework.dao.DuplicateKeyException drawnTwice) {
				receiptCollisions.incrementAndGet();
			}
		}
	}

	// ---- receipts ------------------------------------------------------------------------------------

	private long receipts() {
		return jdbc.queryForObject("""
				select count(*) from notifications.message where template = 'payment-received' and channel = 'EMAIL'""",
				Long.class);
	}

	private void awaitReceipts(int expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (receipts() - receiptsBefore < expected) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Receipts not enqueued in 2 minutes: " + (receipts() - receiptsBefore) + " of "
						+ expected);
			}
			Thread.sleep(5);
		}
	}

	/** Until the outbox has delivered every receipt so far (to the test SMTP server). */
	private void awaitDelivered(int expected) throws Exception {
		awaitReceipts(expected);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
		while (jdbc.queryForObject("""
				select count(*) from notifications.message
				where template = 'payment-received' and channel = 'EMAIL' and status in ('PENDING', 'SENDING')""",
				Long.class) > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Receipts not delivered in 5 minutes");
			}
			Thread.sleep(20);
		}
		TestMail.server().purgeEmailFromAllMailboxes();
	}

	// ---- profile -------------------------------------------------------------------------------------

	/** Per payment, from PostgreSQL's statistics for this run's database. */
	record Profile(int payments, double seconds, double commits, Map<String, double[]> tables) {
	}

	/**
	 * One thread, {@code PROFILED} payments, then PostgreSQL's counters: transactions committed (each
	 * statement outside a transaction is one) and, per table, scans (index or sequential: about one per
	 * statement that reads it) and rows inserted, updated and deleted. The scheduled jobs (the outbox's
	 * polls, their locks, session clean-up) run all the while: what they do in an equally long quiet window
	 * right after is subtracted. Backends report their counters when idle for a while, hence the waits.
	 */
	private Profile profile(List<Payer> payers, boolean real) throws Exception {
		awaitDelivered(made.size());
		Thread.sleep(12_000);
		long commitsBefore = commits();
		var before = tables();
		long windowStart = System.nanoTime();
		long start = System.nanoTime();
		for (int i = 0; i < PROFILED; i++) {
			Payer payer = payers.get(i % payers.size());
			if (real) {
				payReally(payer);
			}
			else {
				payPlainly(payer);
			}
		}
		if (real) {
			awaitReceipts(made.size());
		}
		double took = seconds(start);
		awaitDelivered(made.size());
		Thread.sleep(12_000);
		long commitsAfter = commits();
		var after = tables();
		Thread.sleep(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - windowStart));
		long commitsQuiet = commits();
		var quiet = tables();
		double commits = ((commitsAfter - commitsBefore) - (commitsQuiet - commitsAfter)) / (double) PROFILED;
		var perPayment = new LinkedHashMap<String, double[]>();
		after.forEach((table, counts) -> {
			long[] was = before.getOrDefault(table, new long[counts.length]);
			long[] then = quiet.getOrDefault(table, counts);
			double[] delta = new double[counts.length];
			boolean any = false;
			for (int i = 0; i < counts.length; i++) {
				delta[i] = ((counts[i] - was[i]) - (then[i] - counts[i])) / (double) PROFILED;
				any |= Math.abs(delta[i]) >= 0.05;
			}
			if (any) {
				perPayment.put(table, delta);
			}
		});
		return new Profile(PROFILED, took, commits, perPayment);
	}

	private long commits() {
		return jdbc.queryForObject("select xact_commit from pg_stat_database where datname = current_database()",
				Long.class);
	}

	private Map<String, long[]> tables() {
		var tables = new java.util.TreeMap<String, long[]>();
		jdbc.query("""
				select schemaname || '.' || relname as name, coalesce(seq_scan, 0) as seq, coalesce(idx_scan, 0) as idx,
				  n_tup_ins, n_tup_upd, n_tup_del
				from pg_stat_user_tables""", row -> {
			tables.put(row.getString("name"), new long[] { row.getLong("seq") + row.getLong("idx"), row.getLong("n_tup_ins"),
					row.getLong("n_tup_upd"), row.getLong("n_tup_del") });
		});
		return tables;
	}

	// ---- report and checks ---------------------------------------------------------------------------

	private String report(int accounts, double setupSeconds, List<Slice> real, List<Slice> baseline,
			double deliveryTail, Profile realProfile, Profile baselineProfile) {
		double realRate = mean(real);
		double baselineRate = mean(baseline);
		var latencies = new ArrayList<Long>();
		real.forEach(slice -> latencies.addAll(slice.latencies()));
		Collections.sort(latencies);
		var plainLatencies = new ArrayList<Long>();
		baseline.forEach(slice -> plainLatencies.addAll(slice.latencies()));
		Collections.sort(plainLatencies);
		long realPayments = real.stream().mapToLong(Slice::payments).sum();
		double realCalls = real.stream().mapToDouble(Slice::callSeconds).sum();
		double realTime = real.stream().mapToDouble(Slice::seconds).sum();
		long entries = jdbc.queryForObject("""
				select count(*) from billing.ledger_entry where account_id in (select account_id from payments.payment_method)""",
				Long.class);
		var text = new StringBuilder(String.format(Locale.US, """
				Payment benchmark: %d accounts (each with a statement and a saved sandbox card, 4242…, set up in %.1f s), \
				%d threads, %d + %d alternating slices of %.1f s after a %.0f s warm-up; %d cores, pool of %s connections
				  database: %s
				  real path, Payments.pay (gateway charge, ledger posting, PaymentSettled and its receipt enqueued):
				    %,.1f settled payments/s (slices: %s)
				    latency of pay(): p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d payments)
				    the receipts' enqueueing after the last call: %.2f s of %.2f s in all; outbox delivery to SMTP ran \
				meanwhile, its tail (%.1f s in all) awaited outside the slices
				  baseline, plain insert (processing) + update (settled) and ledger entry in one transaction:
				    %,.1f payments/s (slices: %s); latency p50 %.1f ms, p99 %.1f ms
				  real / baseline: %.2f
				""", accounts, setupSeconds, THREADS, SLICES, SLICES, SLICE_MILLIS / 1000.0, WARM_UP_MILLIS / 1000.0,
				Runtime.getRuntime().availableProcessors(),
				environment.getProperty("spring.datasource.hikari.maximum-pool-size", "10"),
				jdbc.queryForObject("select version()", String.class), realRate, rates(real), percentile(latencies, 50),
				percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6, realPayments, realTime - realCalls,
				realTime, deliveryTail, baselineRate, rates(baseline), percentile(plainLatencies, 50),
				percentile(plainLatencies, 99), realRate / baselineRate));
		text.append(String.format(Locale.US, "  ledger entries on the benchmark's accounts at the end: %,d (%.0f each)%n",
				entries, entries / (double) accounts));
		text.append(String.format(Locale.US, """
				  receipt numbers drawn twice: baseline %d (drawn again); real path %d (Payments.pay failed with a \
				duplicate key: not counted as settled)%n""", receiptCollisions.get(), realReceiptCollisions.get()));
		text.append(profileText("real path", realProfile));
		text.append(profileText("baseline", baselineProfile));
		return text.toString();
	}

	private static String profileText(String name, Profile profile) {
		var text = new StringBuilder(String.format(Locale.US, """
				  profile, %s, one thread, %d payments (%.1f ms each with the receipts), net of the scheduled jobs: \
				%.1f transactions per payment (a statement outside a transaction counts as one)
				    per payment:                              scans  inserted  updated  deleted
				""", name, profile.payments(), profile.seconds() * 1000 / profile.payments(), profile.commits()));
		double[] total = new double[4];
		profile.tables().forEach((table, counts) -> {
			text.append(String.format(Locale.US, "    %-40s %5.1f %9.1f %8.1f %8.1f%n", table, counts[0], counts[1],
					counts[2], counts[3]));
			for (int i = 0; i < 4; i++) {
				total[i] += counts[i];
			}
		});
		text.append(String.format(Locale.US, "    %-40s %5.1f %9.1f %8.1f %8.1f%n", "all tables", total[0], total[1],
				total[2], total[3]));
		return text.toString();
	}

	/**
	 * Every real payment settled, with exactly one approved sandbox charge of its amount under its key and
	 * exactly one ledger entry for it, and one receipt; the baseline's rows are all there too.
	 */
	private void verify() {
		UUID[] ids = made.stream().map(PaymentId::value).toArray(UUID[]::new);
		assertThat(ids).hasSizeGreaterThan(SLICES);
		assertThat(count("select count(*) from payments.payment where id = any(?) and status = 'SETTLED'", ids))
			.as("settled").isEqualTo(ids.length);
		assertThat(count("""
				select count(*) from payments.payment p join payments.sandbox_charge c on c.idempotency_key = p.idempotency_key
				where p.id = any(?)""", ids)).as("sandbox charges").isEqualTo(ids.length);
		assertThat(count("""
				select count(*) from payments.payment p join payments.sandbox_charge c on c.idempotency_key = p.idempotency_key
				where p.id = any(?) and c.reference = p.gateway_reference and c.status = 'SUCCEEDED'
				  and c.amount_minor = p.amount_minor and c.method_reference = p.gateway_method""", ids))
			.as("approved charges matching their payments").isEqualTo(ids.length);
		assertThat(count("""
				select count(*) from payments.payment p join billing.ledger_entry l
				  on l.account_id = p.account_id and l.reference = 'payment:' || p.receipt_number
				where p.id = any(?) and l.entry_type = 'PAYMENT' and l.amount_minor = -p.amount_minor""", ids))
			.as("ledger entries").isEqualTo(ids.length);
		assertThat(count("""
				select count(distinct dedupe_key) from notifications.message
				where template = 'payment-received' and channel = 'EMAIL'
				  and dedupe_key = any(array(select 'payment-received:' || id from unnest(?::uuid[]) as id))""", ids))
			.as("receipts").isEqualTo(ids.length);
		UUID[] plain = baselineMade.toArray(UUID[]::new);
		assertThat(count("""
				select count(*) from payments.payment p join billing.ledger_entry l
				  on l.account_id = p.account_id and l.reference = 'payment:' || p.receipt_number
				where p.id = any(?) and p.status = 'SETTLED'""", plain)).as("baseline rows").isEqualTo(plain.length);
	}

	private long count(String sql, UUID[] ids) {
		return jdbc.query(connection -> {
			var statement = connection.prepareStatement(sql);
			statement.setArray(1, connection.createArrayOf("uuid", ids));
			return statement;
		}, rows -> {
			rows.next();
			return rows.getLong(1);
		});
	}

	private static double mean(List<Slice> slices) {
		return slices.stream().mapToDouble(Slice::rate).average().orElseThrow();
	}

	private static String rates(List<Slice> slices) {
		return String.join(", ", slices.stream().map(slice -> String.format(Locale.US, "%.0f", slice.rate())).toList());
	}

	private static double percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}
}
