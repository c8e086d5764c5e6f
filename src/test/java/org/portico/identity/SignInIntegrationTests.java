package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class SignInIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void signsInWithEmailAndLandsOnTheDashboardNamingTheAccount() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		String dashboard = mvc.perform(get("/dashboard").cookie(session)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(dashboard).contains(owned.account().number().display()).contains("Welcome, Test");
	}

	@Test
	void signsInWithTheCustomerIdInAnyCase() throws Exception {
		var owned = fixtures.ownedAccount();
		String customerId = owned.owner().customerId().value().toLowerCase();
		AuthorizationMatrix.signIn(mvc, customerId, AccountFixtures.SECRET);
	}

	@Test
	void emailIsMatchedCaseInsensitively() throws Exception {
		var owned = fixtures.ownedAccount();
		AuthorizationMatrix.signIn(mvc, owned.owner().email().value().toUpperCase(), AccountFixtures.SECRET);
	}

	@Test
	void wrongPasswordSendsBackToTheSignInPageWithOneMessageForEveryFailure() throws Exception {
		var owned = fixtures.ownedAccount();
		MvcResult wrongPassword = attempt(owned.owner().email().value(), "not-the-password-at-all");
		MvcResult unknownLogin = attempt("nobody-" + System.nanoTime() + "@example.test", "whatever-password");
		MvcResult notAnIdentifier = attempt("!!", "whatever-password");
		for (MvcResult result : new MvcResult[] { wrongPassword, unknownLogin, notAnIdentifier }) {
			assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
			assertThat(result.getResponse().getCookie("SESSION")).isNotNull();
		}
		// The page keeps what was typed and says the same thing whether or not the login exists.
		String page = mvc.perform(get("/login?error").cookie(wrongPassword.getResponse().getCookie("SESSION")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("don’t match our records").contains(owned.owner().email().value());
	}

	@Test
	void oversizedInputIsRefusedBeforeAnyPasswordHashing() throws Exception {
		MvcResult longPassword = attempt("someone@example.test", "x".repeat(100_000));
		MvcResult longUsername = attempt("a".repeat(300) + "@example.test", "whatever-password");
		assertThat(longPassword.getResponse().getRedirectedUrl()).isEqualTo("/login?tooLong");
		assertThat(longUsername.getResponse().getRedirectedUrl()).isEqualTo("/login?tooLong");
		String page = mvc.perform(get("/login?tooLong")).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("longer than any email");
	}

	@Test
	void signInWithoutCsrfTokenIsRefused() throws Exception {
		var owned = fixtures.ownedAccount();
		MvcResult result = mvc
			.perform(post("/login").param("username", owned.owner().email().value())
				.param("password", AccountFixtures.SECRET))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aFormWithoutOrWithATamperedCsrfTokenIsRefusedAndRecordedInTheSecurityLog() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		MvcResult missing = mvc.perform(post("/account/switch").param("account", owned.account().id().toString())
			.cookie(session)).andReturn();
		MvcResult tampered = mvc.perform(post("/logout").param("_csrf", "forged-token").cookie(session)).andReturn();
		assertThat(missing.getResponse().getStatus()).isEqualTo(403);
		assertThat(tampered.getResponse().getStatus()).isEqualTo(403);
		// no state change: still signed in
		assertThat(mvc.perform(get("/dashboard").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		var details = jdbc.sql("""
				select detail from identity.security_event where login_id = :login and type = 'REQUEST_REJECTED'
				order by id
				""").param("login", owned.owner().id().value()).query(String.class).list();
		assertThat(details).containsExactly("CSRF token missing or invalid: POST /account/switch",
				"CSRF token missing or invalid: POST /logout");
	}

	@Test
	void signOutEndsTheSession() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		MvcResult signOut = mvc.perform(post("/logout").cookie(session).with(csrf())).andReturn();
		assertThat(signOut.getResponse().getRedirectedUrl()).isEqualTo("/login?signedOut");
		MvcResult after = mvc.perform(get("/dashboard").cookie(session)).andReturn();
		assertThat(after.getResponse().getStatus()).isEqualTo(302);
		assertThat(after.getResponse().getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void sessionLivesInPostgresqlUnderTheLoginIdNotTheEmail() throws Exception {
		var owned = fixtures.ownedAccount();
		AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		var principals = jdbc.sql("select principal_name from identity.spring_session where principal_name = :id")
			.param("id", owned.owner().id().toString())
			.query(String.class)
			.list();
		assertThat(principals).isNotEmpty();
		assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = :email")
			.param("email", owned.owner().email().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void sessionIdChangesAtSignIn() throws Exception {
		MvcResult anonymous = mvc.perform(get("/login")).andReturn();
		Cookie before = anonymous.getResponse().getCookie("SESSION");
		assertThat(before).isNotNull();
		String token = csrfToken(anonymous.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		var owned = fixtures.ownedAccount();
		MvcResult signedIn = mvc
			.perform(post("/login").cookie(before)
				.param("username", owned.owner().email().value())
				.param("password", AccountFixtures.SECRET)
				.param("_csrf", token))
			.andReturn();
		assertThat(signedIn.getResponse().getRedirectedUrl()).endsWith("/dashboard");
		Cookie after = signedIn.getResponse().getCookie("SESSION");
		assertThat(after).isNotNull();
		assertThat(after.getValue()).isNotEqualTo(before.getValue());
	}

	@Test
	void sessionCookieIsHttpOnlyAndLaxOnPlainHttp() throws Exception {
		var cookie = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Set-Cookie");
		assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
	}

	@Test
	void sessionCookieIsHostPrefixedAndSecureBehindAnHttpsProxy() throws Exception {
		// Real HTTP: Tomcat's RemoteIpValve trusts X-Forwarded-Proto from a loopback (internal) proxy.
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/login"))
				.header("X-Forwarded-Proto", "https")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("__Host-SESSION=")
			.contains("Secure")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.contains("Path=/")
			.doesNotContain("Domain");
	}

	@Test
	void passwordsAreStoredAsArgon2idHashes() {
		var owned = fixtures.ownedAccount();
		String hash = jdbc.sql("select password_hash from identity.login where id = :id")
			.param("id", owned.owner().id().value())
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$argon2id$").doesNotContain(AccountFixtures.SECRET);
	}

	@Test
	void pagesNeedASignedInLogin() throws Exception {
		for (String page : new String[] { "/dashboard", "/account", "/services", "/billing" }) {
			MvcResult result = mvc.perform(get(page)).andReturn();
			assertThat(result.getResponse().getStatus()).as(page).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/login");
		}
	}

	@Test
	void signInPageIsInSpanishOnRequest() throws Exception {
		String page = mvc.perform(get("/login").param("lang", "es-US")).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("Correo electrónico o ID de cliente").contains("Contraseña").contains("Iniciar sesión");
		String english = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(english).contains("Email or customer ID").contains(">Password<").contains("Sign in");
	}

	private MvcResult attempt(String username, String password) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn();
	}

	private static String csrfToken(String html) {
		var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("CSRF field on the page").isTrue();
		return matcher.group(1);
	}
}
