package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The sessions page: listing, revoking one, signing out everywhere else, and the absolute timeout. */
class SessionsIntegrationTests extends IntegrationTestSupport {

	static final String CHROME_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
			+ "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	SecurityActivity activity;

	@Test
	void listsTheLoginsSessionsWithDeviceBrowserPlaceAndThisDevice() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie laptop = signIn(owned.owner().email().value(), CHROME_ON_WINDOWS);
		Cookie phone = signIn(owned.owner().email().value(), SAFARI_ON_IPHONE);

		String page = page("/settings/sessions", laptop);
		assertThat(page).contains("Chrome on Windows")
			.contains("Safari on iPhone")
			.contains("Unknown location")
			.contains("Signed in ")
			.contains("last seen ");
		assertThat(count(page, "class=\"list-group-item session\"")).isEqualTo(2);
		assertThat(count(page, ">This device<")).isEqualTo(1);
		// the laptop is this device (listed first, without a revoke button); the phone can be signed out
		assertThat(page.indexOf("Chrome on Windows")).isLessThan(page.indexOf("Safari on iPhone"));
		assertThat(page).contains("/settings/sessions/" + handle(phone) + "/revoke")
			.doesNotContain("/settings/sessions/" + handle(laptop) + "/revoke")
			.doesNotContain(sessionId(phone))
			.doesNotContain(sessionId(laptop));

		String fromPhone = page("/settings/sessions", phone);
		assertThat(fromPhone.indexOf("Safari on iPhone")).isLessThan(fromPhone.indexOf("Chrome on Windows"));
		assertThat(fromPhone).contains("/settings/sessions/" + handle(laptop) + "/revoke");
	}

	@Test
	void aRevokedSessionIsRefusedOnItsNextRequest() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie laptop = signIn(owned.owner().email().value(), CHROME_ON_WINDOWS);
		Cookie phone = signIn(owned.owner().email().value(), SAFARI_ON_IPHONE);
		assertThat(mvc.perform(get("/dashboard").cookie(phone)).andReturn().getResponse().getStatus()).isEqualTo(200);

		MvcResult revoke = mvc
			.perform(post("/settings/sessions/" + handle(phone) + "/revoke").cookie(laptop).with(csrf()))
			.andReturn();
		assertThat(revoke.getResponse().getRedirectedUrl()).isEqualTo("/settings/sessions");

		MvcResult next = mvc.perform(get("/dashboard").cookie(phone)).andReturn();
		assertThat(next.getResponse().getStatus()).isEqualTo(302);
		assertThat(next.getResponse().getRedirectedUrl()).endsWith("/login");
		String page = page("/settings/sessions", laptop);
		assertThat(page).doesNotContain("Safari on iPhone");
		assertThat(activity.count(owned.owner().id(), SecurityEventType.SESSION_REVOKED, java.time.Instant.EPOCH))
			.isEqualTo(1);
	}

	@Test
	void onlyTheLoginsOwnSessionsCanBeRevoked() throws Exception {
		var mine = fixtures.ownedAccount();
		var theirs = fixtures.ownedAccount();
		Cookie me = signIn(mine.owner().email().value(), CHROME_ON_WINDOWS);
		Cookie them = signIn(theirs.owner().email().value(), CHROME_ON_WINDOWS);

		for (String target : new String[] { handle(them), sessionId(them), "0".repeat(32), "nonsense" }) {
			MvcResult result = mvc.perform(post("/settings/sessions/" + target + "/revoke").cookie(me).with(csrf()))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(target).isEqualTo(404);
		}
		assertThat(mvc.perform(get("/dashboard").cookie(them)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(activity.count(mine.owner().id(), SecurityEventType.SESSION_REVOKED, java.time.Instant.EPOCH))
			.isZero();
	}

	@Test
	void revokingNeedsACsrfTokenAndASignedInLogin() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie laptop = signIn(owned.owner().email().value(), CHROME_ON_WINDOWS);
		Cookie phone = signIn(owned.owner().email().value(), SAFARI_ON_IPHONE);

		assertThat(mvc.perform(post("/settings/sessions/" + handle(phone) + "/revoke").cookie(laptop))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/settings/sessions/revoke-others").cookie(laptop))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/dashboard").cookie(phone)).andReturn().getResponse().getStatus()).isEqualTo(200);

		MvcResult anonymousPage = mvc.perform(get("/settings/sessions")).andReturn();
		assertThat(anonymousPage.getResponse().getRedirectedUrl()).endsWith("/login");
		MvcResult anonymousRevoke = mvc.perform(post("/settings/sessions/" + handle(phone) + "/revoke").with(csrf()))
			.andReturn();
		assertThat(anonymousRevoke.getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(mvc.perform(get("/dashboard").cookie(phone)).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void signOutEverywhereElseEndsEveryOtherSessionButThisOne() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie laptop = signIn(owned.owner().email().value(), CHROME_ON_WINDOWS);
		Cookie phone = signIn(owned.owner().email().value(), SAFARI_ON_IPHONE);
		Cookie tablet = signIn(owned.owner().email().value(), CHROME_ON_WINDOWS);

		MvcResult result = mvc.perform(post("/settings/sessions/revoke-others").cookie(laptop).with(csrf())).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/settings/sessions");

		for (Cookie other : new Cookie[] { phone, tablet }) {
			MvcResult next = mvc.perform(get("/dashboard").cookie(other)).andReturn();
			assertThat(next.getResponse().getRedirectedUrl()).endsWith("/login");
		}
		String page = page("/settings/sessions", laptop);
		assertThat(count(page, "class=\"list-group-item session\"")).isEqualTo(1);
		assertThat(page).contains("This device").doesNotContain("Sign out everywhere else");
		assertThat(activity.count(owned.owner().id(), SecurityEventType.OTHER_SESSIONS_ENDED, java.time.Instant.EPOCH))
			.isEqualTo(1);
	}

	@Test
	void aSessionEndsTwelveHoursAfterSignInHoweverActive() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = signIn(owned.owner().email().value(), CHROME_ON_WINDOWS);
		ZonedDateTime now = ZonedDateTime.now(ZoneId.of("America/New_York"));
		try {
			TestClock.fixAt(now.plusHours(11).plusMinutes(59));
			assertThat(mvc.perform(get("/dashboard").cookie(session)).andReturn().getResponse().getStatus())
				.isEqualTo(200);

			TestClock.fixAt(now.plusHours(12).plusMinutes(1));
			MvcResult expired = mvc.perform(get("/dashboard").cookie(session)).andReturn();
			assertThat(expired.getResponse().getStatus()).isEqualTo(302);
			assertThat(expired.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
		}
		finally {
			TestClock.reset();
		}
		// ended for good, not just refused while the clock was ahead
		MvcResult after = mvc.perform(get("/dashboard").cookie(session)).andReturn();
		assertThat(after.getResponse().getRedirectedUrl()).endsWith("/login");
		String login = mvc.perform(get("/login?expired"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(login).contains("signed out after 12 hours");
	}

	Cookie signIn(String username, String userAgent) throws Exception {
		MvcResult result = mvc
			.perform(post("/login").header("User-Agent", userAgent)
				.param("username", username)
				.param("password", AccountFixtures.SECRET)
				.with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).endsWith("/dashboard");
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).isNotNull();
		return cookie;
	}

	String page(String path, Cookie session) throws Exception {
		MvcResult result = mvc.perform(get(path).cookie(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	static String sessionId(Cookie cookie) {
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

	static String handle(Cookie cookie) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId(cookie).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, 16);
	}

	static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}
}
