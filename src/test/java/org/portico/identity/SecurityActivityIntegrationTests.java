package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The security activity page, places from the IP-location port, and the new-device email. */
class SecurityActivityIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void listsFailedAndSuccessfulSignInsWithBrowserAndUnknownLocation() throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		mvc.perform(post("/login").header("User-Agent", SessionsIntegrationTests.SAFARI_ON_IPHONE)
			.param("username", email)
			.param("password", "not-the-password-" + System.nanoTime())
			.with(csrf()));
		Cookie session = signIn(email, SessionsIntegrationTests.CHROME_ON_WINDOWS, null).getResponse().getCookie("SESSION");

		String page = page("/settings/activity", session);
		assertThat(page).contains("Security activity")
			.contains("Sign-in failed: wrong details")
			.contains(">Signed in<")
			.contains("Chrome on Windows")
			.contains("Safari on iPhone")
			.contains("Unknown location")
			.doesNotContain(AccountFixtures.SECRET);
		// newest first
		assertThat(page.indexOf(">Signed in<")).isLessThan(page.indexOf("Sign-in failed"));

		String spanish = page("/settings/activity?lang=es-US", session);
		assertThat(spanish).contains("Actividad de seguridad")
			.contains("Inicio de sesión fallido: datos incorrectos")
			.contains("Ubicación desconocida")
			.contains("Chrome en Windows");
	}

	@Test
	void showsThePlaceWhenAnIpLocationDatabaseKnowsIt() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = signIn(owned.owner().email().value(), SessionsIntegrationTests.CHROME_ON_WINDOWS, null)
			.getResponse()
			.getCookie("SESSION");
		IpLocation fake = ip -> ip.equals("203.0.113.7") ? Optional.of("Philadelphia, PA, US") : Optional.empty();
		var withDatabase = new SecurityActivity(jdbc, fake, clock);
		withDatabase.record(owned.owner().id(), SecurityEventType.PASSWORD_CHANGED,
				new ClientInfo("203.0.113.7", SessionsIntegrationTests.SAFARI_ON_IPHONE, null), null);
		withDatabase.record(owned.owner().id(), SecurityEventType.SESSION_REVOKED,
				new ClientInfo("198.51.100.1", SessionsIntegrationTests.SAFARI_ON_IPHONE, null), null);

		String page = page("/settings/activity", session);
		assertThat(page).contains("Philadelphia, PA, US")
			.contains("Password changed")
			.contains("A device was signed out")
			.contains("Unknown location");
	}

	@Test
	void everyEventTypeHasALabelInBothLanguages() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = signIn(owned.owner().email().value(), SessionsIntegrationTests.CHROME_ON_WINDOWS, null)
			.getResponse()
			.getCookie("SESSION");
		for (SecurityEventType type : SecurityEventType.values()) {
			new SecurityActivity(jdbc, ip -> Optional.empty(), clock).record(owned.owner().id(), type,
					new ClientInfo("127.0.0.1", null, null), null);
		}
		assertThat(page("/settings/activity", session)).doesNotContain("??").contains("Unknown browser");
		assertThat(page("/settings/activity?lang=es-US", session)).doesNotContain("??").contains("Navegador desconocido");
	}

	@Test
	void aSignInFromANewDeviceEmailsTheOwnerOncePerDevice() throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		// the first sign-in ever: no email (there is no "usual" device yet)
		signIn(email, SessionsIntegrationTests.CHROME_ON_WINDOWS, null);
		// a new, cookie-less client: one email
		MvcResult second = signIn(email, SessionsIntegrationTests.SAFARI_ON_IPHONE, null);
		Cookie device = second.getResponse().getCookie(KnownDevices.COOKIE);
		assertThat(device).isNotNull();
		await().atMost(Duration.ofSeconds(10)).until(() -> newDeviceMessages(owned.owner().id()) == 1);
		String body = jdbc.sql("""
				select body_text from notifications.message
				where login_id = :login and template = 'new-device' and channel = 'EMAIL'
				""").param("login", owned.owner().id().value()).query(String.class).single();
		assertThat(body).contains("Safari on iPhone")
			.contains("Unknown location")
			.contains("If it wasn’t you, change your password")
			.doesNotContain(device.getValue());

		// the same device again: no further email
		signIn(email, SessionsIntegrationTests.SAFARI_ON_IPHONE, device);
		Thread.sleep(1500);
		assertThat(newDeviceMessages(owned.owner().id())).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from identity.security_event where login_id = :login and type = 'NEW_DEVICE'")
			.param("login", owned.owner().id().value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long newDeviceMessages(LoginId login) {
		return jdbc.sql("""
				select count(*) from notifications.message
				where login_id = :login and template = 'new-device' and channel = 'EMAIL'
				""").param("login", login.value()).query(Long.class).single();
	}

	MvcResult signIn(String username, String userAgent, Cookie device) throws Exception {
		var request = post("/login").header("User-Agent", userAgent)
			.param("username", username)
			.param("password", AccountFixtures.SECRET)
			.with(csrf());
		if (device != null) {
			request.cookie(device);
		}
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/dashboard");
		return result;
	}

	String page(String path, Cookie session) throws Exception {
		MvcResult result = mvc.perform(get(path).cookie(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}
}
