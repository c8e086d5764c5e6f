package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.identity.verification.ContactMasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Forgot password, over real HTTP requests: by texted code and by emailed link, every refusal, and no enumeration. */
@ExtendWith(OutputCaptureExtension.class)
class PasswordRecoveryIntegrationTests extends IntegrationTestSupport {

	static final String NEW_SECRET = "harbour quilt 42 meadow lark";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContactMasks masks;

	@LocalServerPort
	int port;

	@AfterEach
	void realTime() {
		TestClock.reset();
	}

	RecoveryTestClient browser() {
		return new RecoveryTestClient(mvc);
	}

	/** Starts a recovery for {@code identifier} and sends by {@code channel}: the answer to the send. */
	MvcResult startAndSend(RecoveryTestClient browser, String identifier, String channel) throws Exception {
		MvcResult identified = browser.perform(post("/recover/password").param("identifier", identifier));
		assertThat(identified.getResponse().getRedirectedUrl()).isEqualTo("/recover/password/choose");
		return browser.perform(post("/recover/password/choose").param("channel", channel));
	}

	boolean signsIn(String username, String password) throws Exception {
		MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn();
		return "/dashboard".equals(result.getResponse().getRedirectedUrl());
	}

	long events(Login login, String type) {
		return jdbc.sql("select count(*) from identity.security_event where login_id = :l and type = :t")
			.param("l", login.id().value()).param("t", type).query(Long.class).single();
	}

	static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

	@Test
	void resetsThePasswordWithATextedCodeWithoutSigningIn(CapturedOutput output) throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		String phone = owned.account().holder().phone().e164();
		Cookie elsewhere = AuthorizationMatrix.signIn(mvc, email, AccountFixtures.SECRET);
		var browser = browser();
		assertThat(browser.perform(get("/recover/password")).getResponse().getStatus()).isEqualTo(200);
		browser.perform(post("/recover/password").param("identifier", email.toUpperCase()));
		String choose = browser.body(get("/recover/password/choose"));
		assertThat(choose).contains(ContactMasks.phone(owned.account().holder().phone()))
			.contains(ContactMasks.email(owned.owner().email()))
			.doesNotContain(email)
			.doesNotContain(owned.account().holder().phone().display());
		MvcResult sent = browser.perform(post("/recover/password/choose").param("channel", "SMS"));
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/recover/password/code");
		String code = RecoveryTestClient.codeTexted(jdbc, phone);

		String refused = RecoveryTestClient.body(browser.perform(post("/recover/password/code").param("code", wrong(code))));
		assertThat(refused).contains("That code isn’t right. Tries left: 4.").contains("id=\"code-error\"");
		assertThat(browser.perform(get("/recover/password/new")).getResponse().getRedirectedUrl())
			.isEqualTo("/recover/password");

		MvcResult accepted = browser.perform(post("/recover/password/code").param("code", code));
		assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/recover/password/new");
		// a code proves the contact, it does not sign in
		assertThat(browser.perform(get("/dashboard")).getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(browser.perform(get("/recover/password/new")).getResponse().getStatus()).isEqualTo(200);

		String weak = RecoveryTestClient.body(browser.perform(post("/recover/password/new").param("newPassword", "short")
			.param("confirmPassword", "short").param("signOutOthers", "true")));
		assertThat(weak).contains("id=\"newPassword-error\"").contains("at least 12 characters");
		String mismatch = RecoveryTestClient.body(browser.perform(post("/recover/password/new")
			.param("newPassword", NEW_SECRET).param("confirmPassword", NEW_SECRET + "x")));
		assertThat(mismatch).contains("id=\"confirmPassword-error\"");
		assertThat(signsIn(email, AccountFixtures.SECRET)).isTrue();

		MvcResult reset = browser.perform(post("/recover/password/new").param("newPassword", NEW_SECRET)
			.param("confirmPassword", NEW_SECRET).param("signOutOthers", "true"));
		assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo("/recover/password/done");
		assertThat(browser.body(get("/recover/password/done"))).contains("Your password has been changed")
			.contains("Everywhere you were signed in has been signed out");
		assertThat(browser.perform(get("/dashboard")).getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(mvc.perform(get("/dashboard").cookie(elsewhere)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		assertThat(signsIn(email, AccountFixtures.SECRET)).isFalse();
		assertThat(signsIn(email, NEW_SECRET)).isTrue();
		assertThat(events(owned.owner(), "PASSWORD_RESET")).isEqualTo(1);
		assertThat(events(owned.owner(), "PASSWORD_RESET_FAILED")).isEqualTo(1);
		// the code worked once: the same page cannot be reached again
		assertThat(browser.perform(get("/recover/password/new")).getResponse().getRedirectedUrl())
			.isEqualTo("/recover/password");
		// the address of record is told, by the existing password-changed notice
		RecoveryTestClient.awaitMail(owned.account().holder().email().value(), "Your password was changed");
		assertThat(output.getAll()).doesNotContain(code).doesNotContain(NEW_SECRET);
	}

	@Test
	void resetsThePasswordWithAnEmailedLinkOnlyInTheBrowserThatAskedAndOnlyOnce() throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		Cookie elsewhere = AuthorizationMatrix.signIn(mvc, email, AccountFixtures.SECRET);
		var browser = browser();
		MvcResult sent = startAndSend(browser, owned.owner().customerId().value().toLowerCase(), "EMAIL");
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/recover/password/sent");
		assertThat(browser.body(get("/recover/password/sent"))).contains(ContactMasks.email(owned.owner().email()));
		String mail = RecoveryTestClient.awaitMail(email, "Reset your password");
		String token = RecoveryTestClient.tokenEmailed(jdbc, "password-reset-link", email);
		assertThat(mail).contains("/recover/password/link?token=" + token);

		String elsewhereAnswer = new RecoveryTestClient(mvc).body(get("/recover/password/link").param("token", token));
		assertThat(elsewhereAnswer).contains("doesn’t work in this browser");
		assertThat(new RecoveryTestClient(mvc, elsewhere).body(get("/recover/password/link").param("token", token)))
			.contains("doesn’t work in this browser");

		MvcResult opened = browser.perform(get("/recover/password/link").param("token", token));
		assertThat(opened.getResponse().getRedirectedUrl()).isEqualTo("/recover/password/new");
		assertThat(browser.body(get("/recover/password/link").param("token", token))).contains("already been used");
		// the used link ended nothing: the reset still may go ahead once
		MvcResult reset = browser.perform(post("/recover/password/new").param("newPassword", NEW_SECRET)
			.param("confirmPassword", NEW_SECRET));
		assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo("/recover/password/done");
		assertThat(browser.body(get("/recover/password/done"))).doesNotContain("Everywhere you were signed in");
		// not asked to sign out elsewhere: the other session goes on
		assertThat(mvc.perform(get("/dashboard").cookie(elsewhere)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(signsIn(owned.owner().customerId().value(), NEW_SECRET)).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> RecoveryTestClient.messages(jdbc, "password-changed", owned.account().holder().email().value()) == 1);
	}

	@Test
	void wrongExpiredUsedAndOutOfOrderStepsAreRefusedClearly() throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		String phone = owned.account().holder().phone().e164();
		// out of order: nothing started in this browser
		var stranger = browser();
		for (String path : List.of("/recover/password/choose", "/recover/password/code", "/recover/password/sent",
				"/recover/password/new", "/recover/password/done")) {
			assertThat(stranger.perform(get(path)).getResponse().getRedirectedUrl()).as(path).isEqualTo("/recover/password");
		}
		assertThat(stranger.perform(post("/recover/password/code").param("code", "123456")).getResponse()
			.getRedirectedUrl()).isEqualTo("/recover/password");
		assertThat(stranger.perform(post("/recover/password/new").param("newPassword", NEW_SECRET)
			.param("confirmPassword", NEW_SECRET)).getResponse().getRedirectedUrl()).isEqualTo("/recover/password");
		assertThat(stranger.body(post("/recover/password").param("identifier", "  "))).contains("id=\"identifier-error\"")
			.contains("Enter the email or customer ID");
		assertThat(stranger.body(get("/recover/password/link").param("token", "x".repeat(43))))
			.contains("doesn’t work in this browser");
		assertThat(stranger.perform(get("/recover/password/link")).getResponse().getStatus()).isEqualTo(200);

		// an expired code
		ZonedDateTime start = ZonedDateTime.now();
		TestClock.fixAt(start);
		var browser = browser();
		startAndSend(browser, email, "SMS");
		String code = RecoveryTestClient.codeTexted(jdbc, phone);
		TestClock.fixAt(start.plusMinutes(11));
		assertThat(browser.body(post("/recover/password/code").param("code", code))).contains("That code has expired");

		// five wrong tries end the code, even for the right one after
		TestClock.fixAt(start.plusMinutes(12));
		assertThat(browser.perform(post("/recover/password/choose").param("channel", "SMS")).getResponse()
			.getRedirectedUrl()).isEqualTo("/recover/password/code");
		String second = RecoveryTestClient.codeTexted(jdbc, phone);
		for (int i = 0; i < 4; i++) {
			browser.perform(post("/recover/password/code").param("code", wrong(second)));
		}
		assertThat(browser.body(post("/recover/password/code").param("code", wrong(second))))
			.contains("tried too many times");
		assertThat(browser.body(post("/recover/password/code").param("code", second))).contains("tried too many times");

		// a third is still fine, a fourth within 15 minutes is refused with the time to come back
		assertThat(browser.perform(post("/recover/password/choose").param("channel", "EMAIL")).getResponse()
			.getRedirectedUrl()).isEqualTo("/recover/password/sent");
		String tooMany = browser.body(post("/recover/password/choose").param("channel", "EMAIL"));
		assertThat(tooMany).contains("You’ve asked for too many codes").contains("id=\"channel-error\"");
		// a channel that is not offered
		assertThat(browser.body(post("/recover/password/choose").param("channel", "CARRIER_PIGEON")))
			.contains("Choose where to send it");

		// an expired link
		TestClock.fixAt(start.plusMinutes(30));
		var linkBrowser = browser();
		startAndSend(linkBrowser, email, "EMAIL");
		String token = RecoveryTestClient.tokenEmailed(jdbc, "password-reset-link", email);
		TestClock.fixAt(start.plusMinutes(91));
		assertThat(linkBrowser.body(get("/recover/password/link").param("token", token))).contains("This link has expired");

		// the link proved the email, but the time to set the password is over after 15 minutes
		TestClock.fixAt(start.plusMinutes(92));
		var slow = browser();
		startAndSend(slow, email, "EMAIL");
		String slowToken = RecoveryTestClient.tokenEmailed(jdbc, "password-reset-link", email);
		assertThat(slow.perform(get("/recover/password/link").param("token", slowToken)).getResponse().getRedirectedUrl())
			.isEqualTo("/recover/password/new");
		TestClock.fixAt(start.plusMinutes(108));
		assertThat(slow.perform(post("/recover/password/new").param("newPassword", NEW_SECRET)
			.param("confirmPassword", NEW_SECRET)).getResponse().getRedirectedUrl()).isEqualTo("/recover/password");

		TestClock.reset();
		assertThat(signsIn(email, AccountFixtures.SECRET)).isTrue();
		assertThat(events(owned.owner(), "PASSWORD_RESET")).isZero();
	}

	/** What differs between two answers only because of per-request tokens and the masked contacts. */
	static String normalized(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
			.replaceAll("nonce=\"[^\"]*\"", "")
			.replaceAll("[a-z0-9]•••@[a-z0-9]•••\\.[a-z]+", "EMAIL")
			.replaceAll("\\(•••\\) •••-\\d{4}", "PHONE");
	}

	String unknownEmailWithDecoyPhone() {
		while (true) {
			String candidate = "nobody." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
			if (masks.decoy(candidate).phone() != null) {
				return candidate;
			}
		}
	}

	@Test
	void theSamePagesAndMessagesWhetherOrNotTheLoginExists() throws Exception {
		var owned = fixtures.ownedAccount();
		String known = owned.owner().email().value();
		String unknown = unknownEmailWithDecoyPhone();
		var real = browser();
		var decoy = browser();
		MvcResult realStart = real.perform(post("/recover/password").param("identifier", known));
		MvcResult decoyStart = decoy.perform(post("/recover/password").param("identifier", unknown));
		assertThat(decoyStart.getResponse().getRedirectedUrl()).isEqualTo(realStart.getResponse().getRedirectedUrl());
		String realChoose = real.body(get("/recover/password/choose"));
		String decoyChoose = decoy.body(get("/recover/password/choose"));
		assertThat(normalized(decoyChoose)).isEqualTo(normalized(realChoose));
		// the decoy's contacts stay the same when asked again
		assertThat(browser().perform(post("/recover/password").param("identifier", unknown.toUpperCase())).getResponse()
			.getRedirectedUrl()).isEqualTo("/recover/password/choose");
		assertThat(decoyChoose).contains(masks.decoy(unknown).email());

		for (String step : List.of("SMS", "EMAIL", "SMS")) {
			MvcResult realSent = real.perform(post("/recover/password/choose").param("channel", step));
			MvcResult decoySent = decoy.perform(post("/recover/password/choose").param("channel", step));
			assertThat(decoySent.getResponse().getRedirectedUrl()).isEqualTo(realSent.getResponse().getRedirectedUrl());
			String page = step.equals("SMS") ? "/recover/password/code" : "/recover/password/sent";
			assertThat(normalized(decoy.body(get(page)))).isEqualTo(normalized(real.body(get(page))));
		}
		// a code typed for a login that does not exist is as wrong as a wrong one
		String realCode = RecoveryTestClient.codeTexted(jdbc, owned.account().holder().phone().e164());
		assertThat(normalized(decoy.body(post("/recover/password/code").param("code", wrong(realCode)))))
			.isEqualTo(normalized(real.body(post("/recover/password/code").param("code", wrong(realCode)))));
		// the fourth within 15 minutes is refused the same way
		String realRefused = real.body(post("/recover/password/choose").param("channel", "SMS"));
		String decoyRefused = decoy.body(post("/recover/password/choose").param("channel", "SMS"));
		assertThat(realRefused).contains("You’ve asked for too many codes");
		assertThat(normalized(decoyRefused)).isEqualTo(normalized(realRefused));
		// nothing was sent for the decoy
		assertThat(RecoveryTestClient.messages(jdbc, "password-reset-link", unknown)).isZero();
	}

	@Test
	void namingALoginTakesTheSameTimeWhetherOrNotItExists() throws Exception {
		var owned = fixtures.ownedAccount();
		String known = owned.owner().email().value();
		String unknown = "nobody." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String base = "http://127.0.0.1:" + port;
		String form = http.send(HttpRequest.newBuilder(URI.create(base + "/recover/password")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).isTrue();
		String token = csrf.group(1);
		List<Long> real = new ArrayList<>();
		List<Long> decoy = new ArrayList<>();
		for (int i = 0; i < 110; i++) {
			boolean knownTurn = i % 2 == 0;
			String identifier = knownTurn ? known : unknown;
			String body = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&identifier="
					+ URLEncoder.encode(identifier, StandardCharsets.UTF_8);
			long started = System.nanoTime();
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/recover/password"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(answer.statusCode()).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/recover/password/choose");
			if (i >= 10) {
				(knownTurn ? real : decoy).add(millis);
			}
		}
		assertThat(real).hasSize(50);
		assertThat(decoy).hasSize(50);
		long realMedian = median(real);
		long decoyMedian = median(decoy);
		assertThat(Math.min(realMedian, decoyMedian)).as("the steady floor").isGreaterThanOrEqualTo(340);
		long tolerance = Math.max(40, Math.round(Math.max(realMedian, decoyMedian) * 0.15));
		System.out.printf("steady response (recovery): medians %d ms (login) and %d ms (none) over 50 tries each%n",
				realMedian, decoyMedian);
		assertThat(Math.abs(realMedian - decoyMedian)).as("medians " + realMedian + " vs " + decoyMedian)
			.isLessThanOrEqualTo(tolerance);
	}

	static long median(List<Long> values) {
		var sorted = values.stream().sorted().toList();
		return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
	}
}
