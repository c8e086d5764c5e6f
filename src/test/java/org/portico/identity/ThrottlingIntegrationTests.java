package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Sign-in throttling (DECISIONS.md "Security mechanics"): per login and source, per login across sources,
 * per source across logins; refusals before any password hashing, with the time to wait, never sleeping.
 * Each test uses its own source addresses and moves the application clock instead of waiting.
 */
class ThrottlingIntegrationTests extends IntegrationTestSupport {

	private static final String WRONG = "not-the-password-at-all";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecurityActivity activity;

	private Instant now;

	@BeforeEach
	void fixClock() {
		now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		setClock(now);
	}

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void afterFiveFailuresALoginIsRefusedFromThatSourceForOneSecondDoublingUpToFifteenMinutes() throws Exception {
		var owner = fixtures.ownedAccount().owner();
		String email = owner.email().value();
		String ip = "203.0.113.11";
		for (int i = 1; i <= 5; i++) {
			assertThat(redirect(attempt(ip, email, WRONG))).as("failure " + i).isEqualTo("/login?error");
		}
		// 5 failures: refused for 1 s, even with the right password
		MvcResult refused = attempt(ip, email, AccountFixtures.SECRET);
		assertThat(redirect(refused)).isEqualTo("/login?refused");
		assertThat(page(refused)).contains("Too many attempts. Try again in 1 second.");
		// another source is not affected by this rule
		assertThat(redirect(attempt("203.0.113.12", email, WRONG))).isEqualTo("/login?error");

		// n failures: refused for 2^(n−5) s, at most 15 minutes
		Instant lastFailure = now;
		for (int n = 6; n <= 16; n++) {
			long previous = Math.min(1L << (n - 6), 900);
			setClock(lastFailure.plusSeconds(previous - 1));
			assertThat(redirect(attempt(ip, email, AccountFixtures.SECRET))).as("before the wait after " + (n - 1))
				.isEqualTo("/login?refused");
			lastFailure = lastFailure.plusSeconds(previous);
			setClock(lastFailure);
			assertThat(redirect(attempt(ip, email, WRONG))).as("failure " + n).isEqualTo("/login?error");
			MvcResult next = attempt(ip, email, WRONG);
			assertThat(redirect(next)).isEqualTo("/login?refused");
			long wait = Math.min(1L << (n - 5), 900);
			String expected = wait < 60 ? "Try again in " + wait + " seconds."
					: "Try again in " + (wait + 59) / 60 + " minutes.";
			assertThat(page(next)).as("after " + n + " failures").contains(expected);
		}
		assertThat(page(attempt(ip, email, WRONG))).contains("Try again in 15 minutes.");
		// refusals are logged, and are not failures
		assertThat(activity.count(owner.id(), SecurityEventType.SIGN_IN_REFUSED, Instant.EPOCH)).isGreaterThanOrEqualTo(12);
		assertThat(activity.count(owner.id(), SecurityEventType.SIGN_IN_FAILED, Instant.EPOCH)).isEqualTo(17);
	}

	@Test
	void aRefusedAttemptCostsNoPasswordHashingAndNeverWaitsOnTheServer() throws Exception {
		var owner = fixtures.ownedAccount().owner();
		String ip = "203.0.113.21";
		for (int i = 0; i < 5; i++) {
			attempt(ip, owner.email().value(), WRONG);
		}
		// push the refusal to 15 minutes: had the server slept instead, this would take that long
		for (int n = 6; n <= 15; n++) {
			now = now.plus(Duration.ofMinutes(15));
			setClock(now);
			attempt(ip, owner.email().value(), WRONG);
		}
		long started = System.nanoTime();
		MvcResult refused = attempt(ip, owner.email().value(), AccountFixtures.SECRET);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		// the right password, still refused: the password was never checked (no Argon2 work)
		assertThat(redirect(refused)).isEqualTo("/login?refused");
		assertThat(took).isLessThan(Duration.ofMillis(500));
		assertThat(activity.count(owner.id(), SecurityEventType.SIGNED_IN, Instant.EPOCH)).isZero();
		assertThat(page(refused)).contains("Try again in 15 minutes.");
	}

	@Test
	void aSuccessfulSignInResetsTheCountOfItsSource() throws Exception {
		var owner = fixtures.ownedAccount().owner();
		String ip = "203.0.113.31";
		for (int i = 0; i < 4; i++) {
			attempt(ip, owner.email().value(), WRONG);
		}
		assertThat(redirect(attempt(ip, owner.email().value(), AccountFixtures.SECRET))).endsWith("/dashboard");
		for (int i = 0; i < 4; i++) {
			assertThat(redirect(attempt(ip, owner.email().value(), WRONG))).isEqualTo("/login?error");
		}
		// 4 failures since the success, not 8: not refused
		assertThat(redirect(attempt(ip, owner.email().value(), AccountFixtures.SECRET))).endsWith("/dashboard");
	}

	@Test
	void unknownIdentifiersAreThrottledExactlyLikeKnownOnes() throws Exception {
		var owner = fixtures.ownedAccount().owner();
		String unknown = "nobody-" + System.nanoTime() + "@example.test";
		String ip = "203.0.113.41";
		for (int i = 0; i < 5; i++) {
			assertThat(redirect(attempt(ip, unknown, WRONG))).isEqualTo("/login?error");
			assertThat(redirect(attempt(ip, owner.email().value(), WRONG))).isEqualTo("/login?error");
		}
		MvcResult unknownRefused = attempt(ip, unknown, WRONG);
		MvcResult knownRefused = attempt(ip, owner.email().value(), WRONG);
		assertThat(redirect(unknownRefused)).isEqualTo(redirect(knownRefused)).isEqualTo("/login?refused");
		assertThat(message(page(unknownRefused))).isEqualTo(message(page(knownRefused)))
			.contains("Too many attempts. Try again in 1 second.");
		// the identifier is matched however it is typed
		assertThat(redirect(attempt(ip, "  " + unknown.toUpperCase() + " ", WRONG))).isEqualTo("/login?refused");
	}

	@Test
	void aHundredFailuresAcrossSourcesLockTheLoginForAnHourAndEmailTheOwnerOnce() throws Exception {
		var owner = fixtures.ownedAccount().owner();
		String email = owner.email().value();
		attackFromManySources("203.0.114.", email, 100);
		// locked: even the right password from a source that never failed
		MvcResult refused = attempt("203.0.113.51", email, AccountFixtures.SECRET);
		assertThat(redirect(refused)).isEqualTo("/login?refused");
		assertThat(page(refused)).contains("Try again in 60 minutes.");
		// the customer ID names the same login
		assertThat(redirect(attempt("203.0.113.51", owner.customerId().value(), AccountFixtures.SECRET)))
			.isEqualTo("/login?refused");
		assertThat(activity.count(owner.id(), SecurityEventType.LOCKED, Instant.EPOCH)).isOne();
		await().atMost(Duration.ofSeconds(10)).until(() -> lockEmails(owner.id()) == 1);

		setClock(now.plus(Duration.ofMinutes(59)));
		assertThat(redirect(attempt("203.0.113.51", email, AccountFixtures.SECRET))).isEqualTo("/login?refused");
		setClock(now.plus(Duration.ofMinutes(60)));
		assertThat(redirect(attempt("203.0.113.51", email, AccountFixtures.SECRET))).endsWith("/dashboard");
		// one lock, one email
		Thread.sleep(500);
		assertThat(lockEmails(owner.id())).isOne();
		assertThat(activity.count(owner.id(), SecurityEventType.LOCKED, Instant.EPOCH)).isOne();
	}

	@Test
	void aDeviceThatSignedInBeforeIsNotLockedOutByOthersFailures() throws Exception {
		var owner = fixtures.ownedAccount().owner();
		String email = owner.email().value();
		String ownerIp = "203.0.113.61";
		MvcResult first = attempt(ownerIp, email, AccountFixtures.SECRET);
		assertThat(redirect(first)).endsWith("/dashboard");
		Cookie device = first.getResponse().getCookie(KnownDevices.COOKIE);
		assertThat(device).as("device cookie").isNotNull();

		attackFromManySources("203.0.115.", email, 100);
		assertThat(redirect(attempt("203.0.113.62", email, AccountFixtures.SECRET))).isEqualTo("/login?refused");
		// the owner's own device still signs in, from its usual source or another one
		assertThat(redirect(attempt(ownerIp, email, AccountFixtures.SECRET, device))).endsWith("/dashboard");
		assertThat(redirect(attempt("203.0.113.63", email, AccountFixtures.SECRET, device))).endsWith("/dashboard");
		// but still obeys its own per-source rule
		for (int i = 0; i < 5; i++) {
			assertThat(redirect(attempt(ownerIp, email, WRONG, device))).isEqualTo("/login?error");
		}
		assertThat(redirect(attempt(ownerIp, email, AccountFixtures.SECRET, device))).isEqualTo("/login?refused");
	}

	@Test
	void fiftyFailuresFromOneSourceAcrossLoginsRefuseThatSourceForFifteenMinutes() throws Exception {
		var owner = fixtures.ownedAccount().owner();
		String ip = "203.0.113.71";
		for (int i = 0; i < 50; i++) {
			assertThat(redirect(attempt(ip, "guess-" + i + "-" + System.nanoTime() + "@example.test", WRONG)))
				.isEqualTo("/login?error");
		}
		MvcResult refused = attempt(ip, owner.email().value(), AccountFixtures.SECRET);
		assertThat(redirect(refused)).isEqualTo("/login?refused");
		assertThat(page(refused)).contains("Try again in 15 minutes.");
		// the login itself is fine from elsewhere
		assertThat(redirect(attempt("203.0.113.72", owner.email().value(), AccountFixtures.SECRET))).endsWith("/dashboard");
		setClock(now.plus(Duration.ofMinutes(15)));
		assertThat(redirect(attempt(ip, owner.email().value(), AccountFixtures.SECRET))).endsWith("/dashboard");
	}

	@Test
	void fewerThanFiftyFailuresAnHourDoNotRefuseASource() throws Exception {
		String ip = "203.0.113.81";
		var owner = fixtures.ownedAccount().owner();
		for (int i = 0; i < 49; i++) {
			attempt(ip, "guess-" + i + "-" + System.nanoTime() + "@example.test", WRONG);
		}
		// the window is an hour: a failure later starts a new one
		setClock(now.plus(Duration.ofMinutes(61)));
		for (int i = 0; i < 5; i++) {
			attempt(ip, "late-" + i + "-" + System.nanoTime() + "@example.test", WRONG);
		}
		assertThat(redirect(attempt(ip, owner.email().value(), AccountFixtures.SECRET))).endsWith("/dashboard");
	}

	@Test
	void theRefusalIsExplainedInSpanish() throws Exception {
		String ip = "203.0.113.91";
		String unknown = "nadie-" + System.nanoTime() + "@example.test";
		for (int i = 0; i < 5; i++) {
			attempt(ip, unknown, WRONG);
		}
		MvcResult refused = attempt(ip, unknown, WRONG);
		String page = mvc
			.perform(get("/login?refused").param("lang", "es-US").cookie(refused.getResponse().getCookie("SESSION")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Demasiados intentos. Inténtelo de nuevo en 1 segundo.");
	}

	/** {@code failures} failed sign-ins, four from each source (under the per-source rules). */
	private void attackFromManySources(String prefix, String username, int failures) throws Exception {
		for (int i = 0; i < failures; i++) {
			assertThat(redirect(attempt(prefix + (i / 4 + 1), username, WRONG))).as("attack " + i)
				.isEqualTo("/login?error");
		}
	}

	private long lockEmails(LoginId login) {
		return jdbc.sql("""
				select count(*) from notifications.message
				where template = 'login-locked' and channel = 'EMAIL' and login_id = :login
				""").param("login", login.value()).query(Long.class).single();
	}

	private MvcResult attempt(String ip, String username, String password, Cookie... cookies) throws Exception {
		var request = post("/login").param("username", username).param("password", password).with(csrf()).with(r -> {
			r.setRemoteAddr(ip);
			return r;
		});
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return mvc.perform(request).andReturn();
	}

	private static String redirect(MvcResult result) {
		return result.getResponse().getRedirectedUrl();
	}

	private String page(MvcResult result) throws Exception {
		return mvc.perform(get(redirect(result)).cookie(result.getResponse().getCookie("SESSION")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String message(String page) {
		int start = page.indexOf("id=\"login-error\"");
		return page.substring(start, page.indexOf("</div>", start));
	}

	private static void setClock(Instant instant) {
		TestClock.fixAt(ZonedDateTime.ofInstant(instant, ZoneId.of("America/New_York")));
	}
}
