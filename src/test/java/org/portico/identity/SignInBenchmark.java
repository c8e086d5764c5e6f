package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test of behaviour (run on demand, see README "Benchmarks"), at the production Argon2id
 * settings (m=19 MiB, t=2, p=1):
 * <ol>
 * <li>password sign-ins per second over real HTTP (sign-in page, then the form post, many accounts, many
 * concurrent clients, each a browser signing in to its own accounts) against the raw Argon2id verify rate with as many threads as the hashing bulkhead
 * allows, measured alternately in slices in the same run;</li>
 * <li>the p99 latency of a signed-in page without and during a sign-in flood.</li>
 * </ol>
 * Prints the figures and writes them to {@code target/benchmarks/signin.txt}.
 */
@TestPropertySource(properties = { "portico.identity.argon2.memory-kib=19456",
		"portico.identity.argon2.iterations=2",
		// production's pool, not the tests' small one
		"spring.datasource.hikari.maximum-pool-size=10" })
class SignInBenchmark extends IntegrationTestSupport {

	private static final int ACCOUNTS = Integer.getInteger("benchmark.accounts", 48);

	private static final int CLIENTS = Integer.getInteger("benchmark.clients", 16);

	private static final int SLICES = Integer.getInteger("benchmark.slices", 12);

	private static final long SLICE_MILLIS = Long.getLong("benchmark.slice-millis", 4_000);

	private static final int WARM_UP_SIGN_INS = Integer.getInteger("benchmark.warm-up-sign-ins", 6_000);

	private static final long WARM_UP_MILLIS = Long.getLong("benchmark.warm-up-millis", 15_000);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	IdentityProperties properties;

	@Autowired
	JdbcClient jdbc;

	/** Each client is one browser: its device cookie, and the accounts {@code client + k × CLIENTS} it signs in to. */
	private final String[] devices = new String[CLIENTS];

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void signInThroughputAgainstRawArgon2AndPageLatencyDuringAFlood() throws Exception {
		List<String> emails = new ArrayList<>();
		for (int i = 0; i < ACCOUNTS; i++) {
			emails.add(fixtures.ownedAccount().owner().email().value());
		}
		String hash = jdbc.sql("select password_hash from identity.login where lower(email) = lower(:email)")
			.param("email", emails.get(0))
			.query(String.class)
			.single();
		int bulkhead = properties.hashingConcurrency() > 0 ? properties.hashingConcurrency()
				: Runtime.getRuntime().availableProcessors();
		// the same implementation and settings as the application's, without the bulkhead
		var argon2 = new PooledArgon2PasswordEncoder(properties.argon2().memoryKib(), properties.argon2().iterations(),
				properties.argon2().parallelism(), bulkhead);

		// Warm-up. The web path has far more code for the JIT to compile than Argon2 has, and at a few dozen
		// sign-ins a second its methods would still be reaching the compiler's thresholds during the measured
		// slices, the compiler taking CPU from the sign-ins. So first many sign-ins through the same code
		// to accounts whose stored hashes are cheap (a hash is verified at the cost it was made with), then
		// the measured accounts, each client once to each of its accounts (the measured sign-ins come from
		// known devices, as most do; a new device's sign-in also sends an email), then a while at full cost.
		rawRate(argon2, hash, bulkhead, 1_500);
		List<String> cheap = new ArrayList<>();
		String cheapHash = new PooledArgon2PasswordEncoder(64, 1, 1, 1).encode(AccountFixtures.SECRET);
		for (int i = 0; i < CLIENTS; i++) {
			String email = fixtures.ownedAccount().owner().email().value();
			jdbc.sql("update identity.login set password_hash = :hash where lower(email) = lower(:email)")
				.param("hash", cheapHash)
				.param("email", email)
				.update();
			cheap.add(email);
		}
		String[] measuredDevices = devices.clone();
		signIns(cheap, WARM_UP_SIGN_INS);
		System.arraycopy(measuredDevices, 0, devices, 0, CLIENTS);
		for (int i = 0; i < Math.max(ACCOUNTS, CLIENTS); i++) {
			devices[i % CLIENTS] = signIn(emails.get(i % emails.size()), devices[i % CLIENTS]).device();
		}
		awaitCompilerIdle();
		signInRate(emails, WARM_UP_MILLIS);
		awaitCompilerIdle();

		List<Double> raw = new ArrayList<>();
		List<Double> signIns = new ArrayList<>();
		for (int slice = 0; slice < SLICES; slice++) {
			if (slice % 2 == 0) {
				raw.add(rawRate(argon2, hash, bulkhead, SLICE_MILLIS));
			}
			else {
				signIns.add(signInRate(emails, SLICE_MILLIS));
			}
		}
		double rawMean = raw.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		double signInMean = signIns.stream().mapToDouble(Double::doubleValue).average().orElseThrow();

		String session = signIn(emails.get(1), null).session();
		List<Long> quiet = pageLatencies(session, 5_000);
		var flooding = new AtomicBoolean(true);
		ExecutorService flood = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			flood.submit(() -> {
				String device = devices[client];
				for (int i = client; flooding.get(); i += CLIENTS) {
					device = signIn(emails.get(i % emails.size()), device).device();
				}
				return null;
			});
		}
		Thread.sleep(1_000);
		List<Long> loaded = pageLatencies(session, 5_000);
		flooding.set(false);
		flood.shutdown();
		flood.awaitTermination(30, TimeUnit.SECONDS);

		double quietP99 = percentile(quiet, 0.99) / 1e6;
		double loadedP99 = percentile(loaded, 0.99) / 1e6;
		String report = String.format(Locale.US, """
				Sign-in benchmark (Argon2id m=%d KiB, t=%d, p=%d; hashing bulkhead %d of %d cores; %d accounts; %d clients)
				  raw Argon2id verify, %d threads:   %6.2f /s  (slices: %s)
				  password sign-ins over HTTP:      %6.2f /s  (slices: %s)
				  sign-in / raw ratio:              %6.3f
				  signed-in page p99, quiet:        %6.1f ms  (%d requests)
				  signed-in page p99, sign-in flood:%6.1f ms  (%d requests)
				  p99 ratio flood / quiet:          %6.2f
				""", properties.argon2().memoryKib(), properties.argon2().iterations(), properties.argon2().parallelism(),
				bulkhead, Runtime.getRuntime().availableProcessors(), ACCOUNTS, CLIENTS, bulkhead, rawMean, format(raw),
				signInMean, format(signIns), signInMean / rawMean, quietP99, quiet.size(), loadedP99, loaded.size(),
				loadedP99 / quietP99);
		System.out.println(report);
		Files.createDirectories(Path.of("target", "benchmarks"));
		Files.writeString(Path.of("target", "benchmarks", "signin.txt"), report);
		assertThat(signInMean).isPositive();
	}

	private static double rawRate(PooledArgon2PasswordEncoder argon2, String hash, int threads, long millis)
			throws InterruptedException {
		var done = new AtomicLong();
		long end = System.nanoTime() + millis * 1_000_000;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			pool.submit(() -> {
				while (System.nanoTime() < end) {
					if (argon2.matches(AccountFixtures.SECRET, hash)) {
						done.incrementAndGet();
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		return done.get() / ((System.nanoTime() - start) / 1e9);
	}

	private double signInRate(List<String> emails, long millis) throws InterruptedException {
		var done = new AtomicLong();
		long end = System.nanoTime() + millis * 1_000_000;
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		long start = System.nanoTime();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			pool.submit(() -> {
				for (int i = client; System.nanoTime() < end; i += CLIENTS) {
					devices[client] = signIn(emails.get(i % emails.size()), devices[client]).device();
					done.incrementAndGet();
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(2, TimeUnit.MINUTES);
		return done.get() / ((System.nanoTime() - start) / 1e9);
	}

	private record SignedIn(String session, String device) {
	}

	/** The sign-in page, then the form post, as a browser with its device cookie does. */
	private SignedIn signIn(String email, String device) throws Exception {
		var page = http.send(request("/login", device, null).GET().build(), HttpResponse.BodyHandlers.ofString());
		var token = CSRF.matcher(page.body());
		assertThat(token.find()).isTrue();
		String session = cookie(page, "SESSION");
		String form = "username=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)
				+ "&password=" + AccountFixtures.SECRET + "&_csrf=" + token.group(1);
		var post = http.send(request("/login", device, session).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(post.headers().firstValue("Location").orElse("")).endsWith("/dashboard");
		String newDevice = cookie(post, "portico-device");
		return new SignedIn(cookie(post, "SESSION"), newDevice != null ? newDevice : device);
	}

	/**
	 * Waits until the JIT compiler has worked off its queue (under load it gets a small share of the two
	 * cores, and what the warm-up made hot would otherwise be compiled during the measured slices).
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

	/** So many sign-ins over all clients, each client to the accounts {@code client + k × CLIENTS}. */
	private void signIns(List<String> emails, int count) throws InterruptedException {
		var next = new java.util.concurrent.atomic.AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			pool.submit(() -> {
				for (int i = client; next.getAndIncrement() < count; i += CLIENTS) {
					devices[client] = signIn(emails.get(i % emails.size()), devices[client]).device();
				}
				return null;
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
	}

	private List<Long> pageLatencies(String session, long millis) throws Exception {
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		long end = System.nanoTime() + millis * 1_000_000;
		while (System.nanoTime() < end) {
			long start = System.nanoTime();
			var response = http.send(request("/dashboard", null, session).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			latencies.add(System.nanoTime() - start);
			assertThat(response.statusCode()).isEqualTo(200);
		}
		return latencies;
	}

	private HttpRequest.Builder request(String path, String device, String session) {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		List<String> cookies = new ArrayList<>();
		if (device != null) {
			cookies.add("portico-device=" + device);
		}
		if (session != null) {
			cookies.add("SESSION=" + session);
		}
		if (!cookies.isEmpty()) {
			builder.header("Cookie", String.join("; ", cookies));
		}
		return builder;
	}

	private static String cookie(HttpResponse<?> response, String name) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			if (header.startsWith(name + "=")) {
				return header.substring(name.length() + 1, header.indexOf(';') > 0 ? header.indexOf(';') : header.length());
			}
		}
		return null;
	}

	private static long percentile(List<Long> values, double p) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
	}

	private static String format(List<Double> rates) {
		return rates.stream().map(r -> String.format(Locale.US, "%.1f", r)).reduce((a, b) -> a + ", " + b).orElse("");
	}
}
