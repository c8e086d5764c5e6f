package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@ExtendWith(OutputCaptureExtension.class)
class PasswordIntegrationTests extends IntegrationTestSupport {

	static final String NEW_SECRET = "lantern orchard velvet 7 quay";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	MvcResult change(Cookie session, String current, String next, String confirm, boolean signOutOthers) throws Exception {
		return mvc.perform(post("/settings/password").cookie(session).with(csrf()).param("currentPassword", current)
			.param("newPassword", next).param("confirmPassword", confirm).param("signOutOthers", String.valueOf(signOutOthers)))
			.andReturn();
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

	@Test
	void changesThePasswordAndTellsTheAddressOfRecord(CapturedOutput output) throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		Cookie session = AuthorizationMatrix.signIn(mvc, email, AccountFixtures.SECRET);
		assertThat(mvc.perform(get("/settings/password").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

		MvcResult changed = change(session, AccountFixtures.SECRET, NEW_SECRET, NEW_SECRET, false);
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/settings/password");
		assertThat(events(owned.owner(), "PASSWORD_CHANGED")).isEqualTo(1);
		assertThat(signsIn(email, AccountFixtures.SECRET)).isFalse();
		assertThat(signsIn(email, NEW_SECRET)).isTrue();
		// The notice goes to the address of record, through the outbox.
		long waited = 0;
		long notices = 0;
		while (waited < 10_000 && (notices = jdbc.sql("select count(*) from notifications.message where template = 'password-changed' and channel = 'EMAIL' and lower(address) = lower(:e)")
			.param("e", email).query(Long.class).single()) == 0) {
			Thread.sleep(100);
			waited += 100;
		}
		assertThat(notices).isEqualTo(1);
		assertThat(output.getAll()).doesNotContain(NEW_SECRET).doesNotContain(AccountFixtures.SECRET);
	}

	@Test
	void aWrongCurrentPasswordChangesNothing() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		MvcResult refused = change(session, "not-my-password-at-all", NEW_SECRET, NEW_SECRET, false);
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(refused)).contains("That isn’t your current password").contains("id=\"currentPassword-error\"");
		assertThat(events(owned.owner(), "PASSWORD_CHANGE_FAILED")).isEqualTo(1);
		assertThat(signsIn(owned.owner().email().value(), AccountFixtures.SECRET)).isTrue();
	}

	@Test
	void policyViolationsAreShownBesideTheField() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		String number = owned.account().number().digits();
		MvcResult refused = change(session, AccountFixtures.SECRET, "short", "short", false);
		assertThat(body(refused)).contains("id=\"newPassword-error\"").contains("at least 12 characters");
		assertThat(body(change(session, AccountFixtures.SECRET, "qwerty123456", "qwerty123456", false)))
			.contains("common or leaked");
		assertThat(body(change(session, AccountFixtures.SECRET, "acct " + number + " is mine", "acct " + number + " is mine", false)))
			.contains("can’t contain your account number");
		assertThat(body(change(session, AccountFixtures.SECRET, NEW_SECRET, NEW_SECRET + "x", false)))
			.contains("id=\"confirmPassword-error\"");
		assertThat(signsIn(owned.owner().email().value(), AccountFixtures.SECRET)).isTrue();
	}

	@Test
	void signingOutOtherDevicesEndsTheOtherSessionButNotThisOne() throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		Cookie other = AuthorizationMatrix.signIn(mvc, email, AccountFixtures.SECRET);
		Cookie mine = AuthorizationMatrix.signIn(mvc, email, AccountFixtures.SECRET);
		assertThat(change(mine, AccountFixtures.SECRET, NEW_SECRET, NEW_SECRET, true).getResponse().getRedirectedUrl())
			.isEqualTo("/settings/password");
		assertThat(mvc.perform(get("/dashboard").cookie(other)).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(mvc.perform(get("/dashboard").cookie(mine)).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void withoutCsrfNothingChanges() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		MvcResult refused = mvc.perform(post("/settings/password").cookie(session).param("currentPassword", AccountFixtures.SECRET)
			.param("newPassword", NEW_SECRET).param("confirmPassword", NEW_SECRET)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(signsIn(owned.owner().email().value(), AccountFixtures.SECRET)).isTrue();
		assertThat(mvc.perform(post("/password/strength").cookie(session).param("newPassword", "x")).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void wrongPasswordsOnReauthenticationAndChangePasswordAreThrottledLikeFailedSignIns() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		// a source of its own, so that these failures count against no other test's sign-ins
		org.springframework.test.web.servlet.request.RequestPostProcessor source = request -> {
			request.setRemoteAddr("203.0.113.77");
			return request;
		};
		try {
			TestClock.fixAt(ZonedDateTime.now().plusMinutes(6));
			for (int i = 0; i < 5; i++) {
				MvcResult wrong = mvc.perform(post("/reauthenticate").cookie(session).with(csrf()).with(source)
					.param("password", "guess-number-" + i).param("next", "/settings/password")).andReturn();
				assertThat(body(wrong)).contains("That password isn’t right");
			}
			// the sixth try is refused before the password is looked at, even the right one
			MvcResult refused = mvc.perform(post("/reauthenticate").cookie(session).with(csrf()).with(source)
				.param("password", AccountFixtures.SECRET).param("next", "/settings/password")).andReturn();
			assertThat(refused.getResponse().getRedirectedUrl()).isNull();
			assertThat(body(refused)).contains("Too many wrong passwords");
			assertThat(mvc.perform(post("/settings/password").cookie(session).with(csrf()).with(source)
				.param("currentPassword", AccountFixtures.SECRET).param("newPassword", NEW_SECRET)
				.param("confirmPassword", NEW_SECRET)).andReturn().getResponse().getContentAsString())
				.contains("Too many wrong passwords");
			assertThat(signsIn(owned.owner().email().value(), NEW_SECRET)).isFalse();
			// the refusal ends with its time (2^(n−5) seconds after n failures)
			TestClock.fixAt(ZonedDateTime.now().plusMinutes(7));
			MvcResult right = mvc.perform(post("/reauthenticate").cookie(session).with(csrf()).with(source)
				.param("password", AccountFixtures.SECRET).param("next", "/settings/password")).andReturn();
			assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/settings/password");
		}
		finally {
			TestClock.reset();
		}
	}

	@Test
	void reauthenticationIsRequiredAfterFiveMinutesAndRefusesForeignNext() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		try {
			TestClock.fixAt(ZonedDateTime.now().plusMinutes(6));
			MvcResult asked = mvc.perform(get("/settings/password").cookie(session)).andReturn();
			assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/reauthenticate?next=%2Fsettings%2Fpassword");
			MvcResult wrong = mvc.perform(post("/reauthenticate").cookie(session).with(csrf()).param("password", "nope-nope-nope")
				.param("next", "/settings/password")).andReturn();
			assertThat(body(wrong)).contains("That password isn’t right");
			assertThat(events(owned.owner(), "REAUTHENTICATION_FAILED")).isEqualTo(1);
			MvcResult right = mvc.perform(post("/reauthenticate").cookie(session).with(csrf())
				.param("password", AccountFixtures.SECRET).param("next", "/settings/password")).andReturn();
			assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/settings/password");
			assertThat(events(owned.owner(), "REAUTHENTICATED")).isEqualTo(1);
			assertThat(mvc.perform(get("/settings/password").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
			for (String foreign : new String[] { "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)" }) {
				MvcResult redirected = mvc.perform(post("/reauthenticate").cookie(session).with(csrf())
					.param("password", AccountFixtures.SECRET).param("next", foreign)).andReturn();
				assertThat(redirected.getResponse().getRedirectedUrl()).as(foreign).isEqualTo("/settings");
			}
		}
		finally {
			TestClock.reset();
		}
	}

	@Test
	void theStrengthMeterAnswersForWeakAndStrongPasswords(CapturedOutput output) throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		String weak = body(mvc.perform(post("/password/strength").cookie(session).with(csrf()).param("newPassword", "qwerty123456"))
			.andReturn());
		assertThat(weak).contains("<meter").contains("Very weak").contains("common or leaked");
		String strong = body(mvc.perform(post("/password/strength").cookie(session).with(csrf())
			.param("newPassword", "quiet-marmot-7-tundra-lilac")).andReturn());
		assertThat(strong).contains("Very strong").doesNotContain("common or leaked").doesNotContain("<html");
		assertThat(output.getAll()).doesNotContain("quiet-marmot-7-tundra-lilac");
	}
}
