package org.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.billing.BillingRun;
import org.portico.customer.CustomerManagement;
import org.portico.customer.CustomerManagement.OpenedAccount;
import org.portico.customer.NewServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.demo.GeneratedAccounts;
import org.portico.identity.GrantRole;
import org.portico.identity.IdentityManagement;
import org.portico.subscriptions.SubscriptionImport;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test of behaviour (run on demand, see README “Benchmarks”): signed-in dashboard
 * requests per second over real HTTP with 100,000 accounts ({@code -Dbenchmark.accounts}) in the database,
 * against a trivial signed-in page of the same server measured alternately in the same run.
 *
 * <p>The accounts come from the bulk generator's mix ({@link GeneratedAccounts}: services, statuses), all
 * billed on today's billing day by the real full-base billing run ({@link BillingRun#runThrough}), whose
 * {@code StatementsIssued} events fill the projection through the dashboard's own listener; the backfill
 * then computes any row still missing (the demo provider's accounts). Both are timed. Then
 * {@code -Dbenchmark.sessions} logins (default 200) for generated accounts sign in through the real form,
 * and {@code -Dbenchmark.clients} HTTP clients (default 8) send requests back to back, each over its share of
 * the sessions, in slices alternating GET /dashboard and the trivial page ({@code -Dbenchmark.slices} of
 * each, default 10, {@code -Dbenchmark.slice-millis} each, default 3 s) after a warm-up ({@code -Dbenchmark.warm-up-millis}, default 60 s) and the JIT compiler is idle. The trivial page is
 * GET /settings: signed in, through the same security filters, session and page layout (grants, unread
 * count), with a static body — what any signed-in page costs before it reads anything of its own. Prints
 * requests/s, p50 and p99 of both and the ratio, and writes them to {@code target/benchmarks/dashboard.txt}.
 */
class DashboardBenchmark extends IntegrationTestSupport {

	private static final int ACCOUNTS = Integer.getInteger("benchmark.accounts", 100_000);

	private static final int SESSIONS = Integer.getInteger("benchmark.sessions", 200);

	private static final int CLIENTS = Integer.getInteger("benchmark.clients", 8);

	private static final int SLICES = Integer.getInteger("benchmark.slices", 10);

	private static final long SLICE_MILLIS = Long.getLong("benchmark.slice-millis", 3_000);

	private static final long WARM_UP_MILLIS = Long.getLong("benchmark.warm-up-millis", 60_000);

	private static final int BATCH = 1_000;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	CustomerManagement customers;

	@Autowired
	SubscriptionManagement subscriptions;

	@Autowired
	IdentityManagement identity;

	@Autowired
	BillingRun billing;

	@Autowired
	OverviewBackfill backfill;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.core.env.Environment environment;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void dashboardRequestsPerSecondAgainstATrivialSignedInPage() throws Exception {
		LocalDate today = LocalDate.now(clock);
		LocalDate billingDay = today.getDayOfMonth() <= 28 ? today : today.plusMonths(1).withDayOfMonth(1);

		long started = System.nanoTime();
		List<Generated> accounts = generate(ACCOUNTS, billingDay.getDayOfMonth(), billingDay, 42);
		double generation = seconds(started);
		jdbc.execute("analyze");

		started = System.nanoTime();
		var run = billing.runThrough(billingDay);
		double billed = seconds(started);
		// the tables the run filled were analysed empty: what autovacuum does within a minute of a bulk load
		// (without it, billing's per-account past-due query is planned for empty tables: seconds a row)
		jdbc.execute("analyze");
		long expected = jdbc.queryForObject("select count(distinct account_id) from billing.statement", Long.class);
		// the listener refreshes each billed account after its batch commits, on the application's task threads
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
		while (rows() < expected && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		double projected = seconds(started);
		started = System.nanoTime();
		int filled = backfill.run();
		double backfilled = seconds(started);
		long rows = rows();
		long total = jdbc.queryForObject("select count(*) from customer.service_account", Long.class);
		assertThat(rows).as("rows of the billed accounts").isGreaterThanOrEqualTo(expected);
		jdbc.execute("analyze");

		// sessions: logins for generated accounts spread over the base
		List<String> sessions = new ArrayList<>();
		var random = new SplittableRandom(7);
		for (int i = 0; i < SESSIONS; i++) {
			Generated account = accounts.get(random.nextInt(accounts.size()));
			String email = "bench-" + i + "-" + Long.toString(System.nanoTime(), 36) + "@example.test";
			var login = identity.createLogin(account.opened().holder(), new org.portico.shared.EmailAddress(email), null,
					AccountFixtures.SECRET);
			identity.grant(login.id(), account.opened().id(), GrantRole.OWNER);
			sessions.add(signIn(email));
		}
		assertThat(get("/dashboard", sessions.get(0)).body()).contains("Amount due");

		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		try {
			long warmUpEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WARM_UP_MILLIS);
			while (System.nanoTime() < warmUpEnd) {
				slice(pool, sessions, "/dashboard", 1_000);
				slice(pool, sessions, "/settings", 1_000);
			}
			awaitCompilerIdle();
			List<Slice> dashboard = new ArrayList<>();
			List<Slice> trivial = new ArrayList<>();
			for (int i = 0; i < SLICES; i++) {
				// alternating, starting with each in turn, so that drift in the machine weighs on both alike
				if (i % 2 == 0) {
					dashboard.add(slice(pool, sessions, "/dashboard", SLICE_MILLIS));
					trivial.add(slice(pool, sessions, "/settings", SLICE_MILLIS));
				}
				else {
					trivial.add(slice(pool, sessions, "/settings", SLICE_MILLIS));
					dashboard.add(slice(pool, sessions, "/dashboard", SLICE_MILLIS));
				}
			}
			String report = report(generation, billed, run.statements(), projected, filled, backfilled, rows, total,
					dashboard, trivial);
			System.out.println(report);
			Files.createDirectories(Path.of("target", "benchmarks"));
			Files.writeString(Path.of("target", "benchmarks", "dashboard.txt"), report);
			// closed accounts get theirs on first view, like any account without an event
			assertThat(rows).isGreaterThanOrEqualTo(jdbc.queryForObject(
					"select count(*) from customer.service_account where status <> 'CLOSED'", Long.class));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String report(double generation, double billed, long statements, double projected, int filled,
			double backfilled, long rows, long total, List<Slice> dashboard, List<Slice> trivial) {
		double dashboardRate = mean(dashboard);
		double trivialRate = mean(trivial);
		List<Long> dashboardLatencies = latencies(dashboard);
		List<Long> trivialLatencies = latencies(trivial);
		return String.format(Locale.US, """
				Dashboard benchmark: %,d accounts in the database (%,d generated in %.1f s), %d cores, pool of %s connections
				  database: %s
				  billing run: %,d statements in %.1f s; projection filled by its listener %.1f s after the run started;
				  backfill of the rest: %,d rows in %.1f s; %,d rows in dashboard.account_overview
				  %d signed-in sessions, %d HTTP clients, %d + %d alternating slices of %.1f s after a %.0f s warm-up
				  GET /dashboard: %,8.1f requests/s (slices: %s); p50 %.1f ms, p99 %.1f ms (%,d requests)
				  GET /settings:  %,8.1f requests/s (slices: %s); p50 %.1f ms, p99 %.1f ms (%,d requests)
				  dashboard / trivial page ratio: %.2f (target >= 0.25)
				""", total, ACCOUNTS, generation, Runtime.getRuntime().availableProcessors(),
				environment.getProperty("spring.datasource.hikari.maximum-pool-size", "10"),
				jdbc.queryForObject("select version()", String.class), statements, billed, projected, filled, backfilled,
				rows, SESSIONS, CLIENTS, dashboard.size(), trivial.size(), SLICE_MILLIS / 1e3, WARM_UP_MILLIS / 1e3,
				dashboardRate, rates(dashboard), percentile(dashboardLatencies, 0.50) / 1e6,
				percentile(dashboardLatencies, 0.99) / 1e6, dashboardLatencies.size(), trivialRate, rates(trivial),
				percentile(trivialLatencies, 0.50) / 1e6, percentile(trivialLatencies, 0.99) / 1e6,
				trivialLatencies.size(), dashboardRate / trivialRate);
	}

	// ---- data -----------------------------------------------------------------------------------------

	private record Generated(OpenedAccount opened, NewServiceAccount request) {
	}

	/** The bulk generator's accounts and services, in batches of 1,000, all billed on {@code billingDay}. */
	private List<Generated> generate(int count, int billingDay, LocalDate today, long seed) {
		var random = new SplittableRandom(seed);
		String run = Long.toString(System.nanoTime(), 36);
		var generated = new ArrayList<Generated>(count);
		for (int done = 0; done < count; done += BATCH) {
			int size = Math.min(BATCH, count - done);
			int offset = done;
			transaction.executeWithoutResult(status -> {
				var requests = new ArrayList<NewServiceAccount>(size);
				for (int i = 0; i < size; i++) {
					requests.add(GeneratedAccounts.account(offset + i, run, billingDay, random));
				}
				var opened = customers.importAccounts(requests);
				var imports = new ArrayList<SubscriptionImport>(size * 4);
				for (int i = 0; i < opened.size(); i++) {
					generated.add(new Generated(opened.get(i), requests.get(i)));
					ServiceAccountId id = opened.get(i).id();
					GeneratedAccounts.services(id, requests.get(i).status(), today, random, imports);
				}
				subscriptions.importSubscriptions(imports);
			});
		}
		return generated;
	}

	/**
	 * Waits until the JIT compiler has worked off its queue, so that it does not take the two cores' time
	 * from the first measured slices (as SignInBenchmark does).
	 */
	private static void awaitCompilerIdle() throws InterruptedException {
		var compiler = java.lang.management.ManagementFactory.getCompilationMXBean();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		long before;
		do {
			before = compiler.getTotalCompilationTime();
			Thread.sleep(2_000);
		}
		while (compiler.getTotalCompilationTime() - before > 50 && System.nanoTime() < deadline);
	}

	private long rows() {
		return jdbc.queryForObject("select count(*) from dashboard.account_overview", Long.class);
	}

	// ---- HTTP -----------------------------------------------------------------------------------------

	/** Requests done in one slice, with their latencies. */
	private record Slice(long requests, double seconds, List<Long> latencies) {

		double rate() {
			return requests / seconds;
		}
	}

	/** Every client sends requests for {@code path} back to back for {@code millis}, each over its own sessions. */
	private Slice slice(ExecutorService pool, List<String> sessions, String path, long millis) throws Exception {
		long start = System.nanoTime();
		long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
		List<Future<List<Long>>> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			clients.add(pool.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				for (int i = client; System.nanoTime() < end; i += CLIENTS) {
					long sent = System.nanoTime();
					var response = get(path, sessions.get(i % sessions.size()));
					latencies.add(System.nanoTime() - sent);
					if (response.statusCode() != 200) {
						throw new IllegalStateException(path + " answered " + response.statusCode());
					}
				}
				return latencies;
			}));
		}
		List<Long> latencies = new ArrayList<>();
		for (Future<List<Long>> client : clients) {
			latencies.addAll(client.get());
		}
		return new Slice(latencies.size(), seconds(start), latencies);
	}

	private HttpResponse<String> get(String path, String session) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "SESSION=" + session)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The sign-in page, then the form, as a browser does; returns the session. */
	private String signIn(String email) throws Exception {
		var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		var token = CSRF.matcher(page.body());
		assertThat(token.find()).isTrue();
		String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ AccountFixtures.SECRET + "&_csrf=" + token.group(1);
		var post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Cookie", "SESSION=" + cookie(page, "SESSION"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(post.headers().firstValue("Location").orElse("")).endsWith("/dashboard");
		return cookie(post, "SESSION");
	}

	private static String cookie(HttpResponse<?> response, String name) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			if (header.startsWith(name + "=")) {
				int end = header.indexOf(';');
				return header.substring(name.length() + 1, end > 0 ? end : header.length());
			}
		}
		throw new IllegalStateException("No " + name + " cookie");
	}

	// ---- figures --------------------------------------------------------------------------------------

	private static double mean(List<Slice> slices) {
		return slices.stream().mapToDouble(Slice::rate).average().orElseThrow();
	}

	private static String rates(List<Slice> slices) {
		return String.join(", ", slices.stream().map(slice -> String.format(Locale.US, "%.0f", slice.rate())).toList());
	}

	private static List<Long> latencies(List<Slice> slices) {
		List<Long> all = new ArrayList<>();
		slices.forEach(slice -> all.addAll(slice.latencies()));
		Collections.sort(all);
		return all;
	}

	private static long percentile(List<Long> sorted, double p) {
		return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1)));
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}
}
