package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.ZonedDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.AuthorizationMatrix.Caller;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Profile and contact details over real HTTP requests: email, phone, customer ID, language, billing address. */
@ExtendWith(OutputCaptureExtension.class)
class ProfileIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	CustomerManagement customers;

	@AfterEach
	void realTime() {
		TestClock.reset();
	}

	RecoveryTestClient signedIn(Login login) throws Exception {
		return new RecoveryTestClient(mvc, AuthorizationMatrix.signIn(mvc, login.email().value(), AccountFixtures.SECRET));
	}

	long events(Login login, String type) {
		return jdbc.sql("select count(*) from identity.security_event where login_id = :l and type = :t")
			.param("l", login.id().value()).param("t", type).query(Long.class).single();
	}

	long verifications(Login login) {
		return jdbc.sql("select count(*) from identity.verification where login_id = :l")
			.param("l", login.id().value()).query(Long.class).single();
	}

	boolean signsIn(String username, String password) throws Exception {
		MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn();
		return "/dashboard".equals(result.getResponse().getRedirectedUrl());
	}

	static String newEmail() {
		return "moved." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.test";
	}

	static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

	@Test
	void theSettingsPageLinksToTheProfileAndAnonymousCallersAreSentToSignIn() throws Exception {
		var owned = fixtures.ownedAccount();
		var browser = signedIn(owned.owner());
		assertThat(browser.body(get("/settings"))).contains("href=\"/settings/profile\"");
		String page = browser.body(get("/settings/profile"));
		assertThat(page).contains(owned.owner().email().value()).contains(owned.owner().customerId().value())
			.contains(owned.account().number().display()).doesNotContain("??");
		assertThat(browser.body(get("/settings/profile?lang=es-US"))).contains("Perfil y datos de contacto")
			.doesNotContain("??");
		for (String path : new String[] { "/settings/profile", "/settings/profile/email", "/settings/profile/phone" }) {
			assertThat(mvc.perform(get(path)).andReturn().getResponse().getRedirectedUrl()).as(path).endsWith("/login");
		}
		for (String path : new String[] { "/settings/profile/email", "/settings/profile/phone",
				"/settings/profile/customer-id", "/settings/profile/language", "/settings/profile/address" }) {
			assertThat(mvc.perform(post(path).with(csrf())).andReturn().getResponse().getRedirectedUrl()).as(path)
				.endsWith("/login");
		}
		// CSRF stays on
		assertThat(mvc.perform(post("/settings/profile/customer-id").cookie(browser.session()).param("customerId", "Zed12345"))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void changesTheSignInEmailAfterALinkToTheNewAddressAndTellsTheOldOne(CapturedOutput output) throws Exception {
		var owned = fixtures.ownedAccount();
		String old = owned.owner().email().value();
		String moved = newEmail();
		var browser = signedIn(owned.owner());
		assertThat(browser.perform(get("/settings/profile/email")).getResponse().getStatus()).isEqualTo(200);
		MvcResult asked = browser.perform(post("/settings/profile/email").param("newEmail", moved));
		assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/settings/profile/email");
		assertThat(browser.body(get("/settings/profile/email"))).contains("We’ve sent a link to m••••@example.test");
		// nothing changes before the link is opened
		assertThat(identity.find(owned.owner().id()).orElseThrow().email().value()).isEqualTo(old);
		RecoveryTestClient.awaitMail(moved, "Confirm your new email");
		String token = RecoveryTestClient.tokenEmailed(jdbc, "email-change-confirm", moved);

		// another browser, signed in or not, cannot use it
		assertThat(new RecoveryTestClient(mvc).body(get("/settings/email/confirm").param("token", token)))
			.contains("doesn’t work in this browser");
		assertThat(signedIn(owned.owner()).body(get("/settings/email/confirm").param("token", token)))
			.contains("doesn’t work in this browser");
		assertThat(identity.find(owned.owner().id()).orElseThrow().email().value()).isEqualTo(old);

		assertThat(browser.body(get("/settings/email/confirm").param("token", token)))
			.contains("Your sign-in email has been changed");
		assertThat(identity.find(owned.owner().id()).orElseThrow().email().value()).isEqualTo(moved);
		assertThat(browser.body(get("/settings/email/confirm").param("token", token))).contains("already been used");
		assertThat(signsIn(moved, AccountFixtures.SECRET)).isTrue();
		assertThat(signsIn(old, AccountFixtures.SECRET)).isFalse();
		assertThat(events(owned.owner(), "EMAIL_CHANGED")).isEqualTo(1);
		String notice = RecoveryTestClient.awaitMail(old, "Your sign-in email was changed");
		assertThat(notice).contains("m•••@e•••.test").doesNotContain(moved);
		assertThat(output.getAll()).doesNotContain(token).doesNotContain(moved);
	}

	@Test
	void theEmailLinkWorksSignedOutInTheBrowserThatAsked() throws Exception {
		var owned = fixtures.ownedAccount();
		String moved = newEmail();
		var browser = signedIn(owned.owner());
		browser.perform(post("/settings/profile/email").param("newEmail", moved));
		String token = RecoveryTestClient.tokenEmailed(jdbc, "email-change-confirm", moved);
		// the same browser's session, no longer signed in (its login forgotten, its browser token kept)
		String session = jdbc.sql("select primary_id from identity.spring_session where principal_name = :p")
			.param("p", owned.owner().id().toString()).query(String.class).single();
		jdbc.sql("delete from identity.spring_session_attributes where session_primary_id = :s"
				+ " and attribute_name = 'SPRING_SECURITY_CONTEXT'").param("s", session).update();
		jdbc.sql("update identity.spring_session set principal_name = null where primary_id = :s").param("s", session)
			.update();
		assertThat(browser.perform(get("/dashboard")).getResponse().getRedirectedUrl()).endsWith("/login");
		String answer = browser.body(get("/settings/email/confirm").param("token", token));
		assertThat(answer).contains("Your sign-in email has been changed").contains("href=\"/login\"");
		assertThat(identity.find(owned.owner().id()).orElseThrow().email().value()).isEqualTo(moved);
	}

	@Test
	void refusesATakenTheSameOrAMalformedEmailAndNeedsARecentPassword() throws Exception {
		var owned = fixtures.ownedAccount();
		var other = fixtures.ownedAccount();
		var browser = signedIn(owned.owner());
		assertThat(browser.body(post("/settings/profile/email").param("newEmail", other.owner().email().value().toUpperCase())))
			.contains("id=\"newEmail-error\"").contains("already used by another login");
		assertThat(browser.body(post("/settings/profile/email").param("newEmail", "not an email")))
			.contains("id=\"newEmail-error\"").contains("Enter an email address like name@example.com");
		assertThat(browser.body(post("/settings/profile/email").param("newEmail", owned.owner().email().value())))
			.contains("That’s already your sign-in email");
		assertThat(browser.body(post("/settings/profile/email").param("newEmail", "x".repeat(5000))))
			.contains("id=\"newEmail-error\"");
		assertThat(verifications(owned.owner())).isZero();
		try {
			TestClock.fixAt(ZonedDateTime.now().plusMinutes(6));
			assertThat(browser.perform(get("/settings/profile/email")).getResponse().getRedirectedUrl())
				.isEqualTo("/reauthenticate?next=%2Fsettings%2Fprofile%2Femail");
			assertThat(browser.perform(post("/settings/profile/email").param("newEmail", newEmail())).getResponse()
				.getRedirectedUrl()).isEqualTo("/reauthenticate?next=%2Fsettings%2Fprofile%2Femail");
			assertThat(browser.perform(post("/settings/profile/phone").param("phone", "2155550123")).getResponse()
				.getRedirectedUrl()).isEqualTo("/reauthenticate?next=%2Fsettings%2Fprofile%2Fphone");
		}
		finally {
			TestClock.reset();
		}
		assertThat(verifications(owned.owner())).isZero();
	}

	@Test
	void changesThePhoneWithACodeTextedToTheNewNumber() throws Exception {
		var owned = fixtures.ownedAccount();
		var browser = signedIn(owned.owner());
		assertThat(browser.body(post("/settings/profile/phone").param("phone", "12345"))).contains("id=\"phone-error\"")
			.contains("Enter a 10-digit US phone number");
		// no code asked for yet
		assertThat(browser.perform(post("/settings/profile/phone/confirm").param("code", "123456")).getResponse()
			.getRedirectedUrl()).isEqualTo("/settings/profile/phone");
		PhoneNumber number = PhoneNumber.parse("267555" + (1000 + ThreadLocalRandom.current().nextInt(9000)));
		MvcResult asked = browser.perform(post("/settings/profile/phone").param("phone", number.display()));
		assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/settings/profile/phone");
		assertThat(browser.body(get("/settings/profile/phone"))).contains(number.masked()).contains("id=\"code\"");
		String code = RecoveryTestClient.codeTexted(jdbc, number.e164());
		assertThat(browser.body(post("/settings/profile/phone/confirm").param("code", wrong(code))))
			.contains("That code isn’t right. Tries left: 4.").contains("id=\"code-error\"");
		assertThat(identity.phoneOf(owned.owner().id())).isEmpty();
		MvcResult confirmed = browser.perform(post("/settings/profile/phone/confirm").param("code", code));
		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/settings/profile");
		assertThat(identity.phoneOf(owned.owner().id())).contains(number);
		assertThat(browser.body(get("/settings/profile"))).contains(number.display());
		assertThat(events(owned.owner(), "PHONE_CHANGED")).isEqualTo(1);
		assertThat(browser.body(post("/settings/profile/phone").param("phone", number.display())))
			.contains("That’s already your phone number");
	}

	@Test
	void aPhoneCodeThatExpiredOrWasAskedInAnotherBrowserDoesNotWork() throws Exception {
		var owned = fixtures.ownedAccount();
		var browser = signedIn(owned.owner());
		PhoneNumber number = PhoneNumber.parse("267555" + (1000 + ThreadLocalRandom.current().nextInt(9000)));
		ZonedDateTime start = ZonedDateTime.now();
		TestClock.fixAt(start);
		browser.perform(post("/settings/profile/phone").param("phone", number.display()));
		String code = RecoveryTestClient.codeTexted(jdbc, number.e164());
		TestClock.fixAt(start.plusMinutes(11));
		assertThat(browser.body(post("/settings/profile/phone/confirm").param("code", code))).contains("That code has expired");
		assertThat(identity.phoneOf(owned.owner().id())).isEmpty();
		// another browser of the same login has no code to check
		TestClock.reset();
		var other = signedIn(owned.owner());
		assertThat(other.perform(post("/settings/profile/phone/confirm").param("code", code)).getResponse()
			.getRedirectedUrl()).isEqualTo("/settings/profile/phone");
		assertThat(identity.phoneOf(owned.owner().id())).isEmpty();
	}

	@Test
	void changesTheCustomerIdWhenValidAndFree() throws Exception {
		var owned = fixtures.ownedAccount();
		var other = fixtures.ownedAccount();
		var browser = signedIn(owned.owner());
		assertThat(browser.body(post("/settings/profile/customer-id").param("customerId",
				other.owner().customerId().value().toLowerCase()))).contains("id=\"customerId-error\"")
			.contains("That customer ID is taken");
		assertThat(browser.body(post("/settings/profile/customer-id").param("customerId", "1abc")))
			.contains("id=\"customerId-error\"").contains("starting with a letter");
		assertThat(identity.find(owned.owner().id()).orElseThrow().customerId()).isEqualTo(owned.owner().customerId());
		String chosen = "Fox" + (100_000 + ThreadLocalRandom.current().nextInt(900_000));
		MvcResult saved = browser.perform(post("/settings/profile/customer-id").param("customerId", chosen));
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/settings/profile");
		assertThat(browser.body(get("/settings/profile"))).contains("Your customer ID has been changed")
			.contains(chosen.toUpperCase());
		assertThat(signsIn(chosen.toLowerCase(), AccountFixtures.SECRET)).isTrue();
		assertThat(events(owned.owner(), "CUSTOMER_ID_CHANGED")).isEqualTo(1);
	}

	@Test
	void changesTheLanguageOfTheLoginsPages() throws Exception {
		var owned = fixtures.ownedAccount();
		var browser = signedIn(owned.owner());
		assertThat(browser.body(post("/settings/profile/language").param("language", "fr-FR")))
			.contains("id=\"language-error\"");
		MvcResult saved = browser.perform(post("/settings/profile/language").param("language", "es-US"));
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/settings/profile");
		Cookie language = saved.getResponse().getCookie("portico-lang");
		assertThat(language).isNotNull();
		assertThat(customers.findPerson(owned.owner().person()).orElseThrow().language()).isEqualTo(Language.ES_US);
		String page = RecoveryTestClient.body(mvc.perform(get("/settings/profile").cookie(browser.session(), language))
			.andReturn());
		assertThat(page).contains("Perfil y datos de contacto").contains("Se cambió su idioma");
		// a later sign-in, from anywhere, is in Spanish too
		MvcResult later = mvc.perform(post("/login").param("username", owned.owner().email().value())
			.param("password", AccountFixtures.SECRET).with(csrf())).andReturn();
		assertThat(later.getResponse().getCookie("portico-lang").getValue()).isEqualTo("es-US");
	}

	MockHttpServletRequestBuilder address(ServiceAccount account, String zip) {
		return address(account, zip, "", "");
	}

	/** The billing-address form, with one field ({@code field}) typed as {@code value}. */
	MockHttpServletRequestBuilder address(ServiceAccount account, String zip, String field, String value) {
		var fields = new java.util.LinkedHashMap<String, String>();
		fields.put("line1", "500 Market St");
		fields.put("line2", "Suite 3");
		fields.put("city", "Philadelphia");
		fields.put("state", "pa");
		fields.put("zip", zip);
		if (!field.isEmpty()) {
			fields.put(field, value);
		}
		var request = post("/settings/profile/address").with(csrf()).param("account", account.id().toString());
		fields.forEach(request::param);
		return request;
	}

	@Test
	void changesTheBillingAddressAndTellsTheAddressOfRecord() throws Exception {
		var owned = fixtures.ownedAccount();
		var browser = signedIn(owned.owner());
		String badZip = browser.body(address(owned.account(), "1910"));
		assertThat(badZip).contains("id=\"zip-error\"").contains("Enter a 5-digit ZIP code or ZIP+4")
			.contains("value=\"1910\"");
		assertThat(browser.body(address(owned.account(), "19103", "city", ""))).contains("id=\"city-error\"");
		assertThat(browser.body(address(owned.account(), "19103", "state", "ZZ"))).contains("id=\"state-error\"");
		assertThat(browser.body(address(owned.account(), "19103", "line1", "  "))).contains("id=\"line1-error\"");
		assertThat(customers.find(owned.account().id()).orElseThrow().billsToServiceAddress()).isTrue();

		MvcResult saved = browser.perform(address(owned.account(), "19106-1234"));
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/settings/profile");
		var changed = customers.find(owned.account().id()).orElseThrow();
		assertThat(changed.billingAddress().singleLine()).isEqualTo("500 Market St, Suite 3, Philadelphia, PA 19106-1234");
		assertThat(browser.body(get("/settings/profile"))).contains("The billing address has been changed")
			.contains("value=\"19106-1234\"");
		assertThat(events(owned.owner(), "BILLING_ADDRESS_CHANGED")).isEqualTo(1);
		String notice = RecoveryTestClient.awaitMail(owned.account().holder().email().value(),
				"Your billing address was changed");
		assertThat(notice).contains("500 Market St").contains(owned.account().number().display());

		// back to the service address
		browser.perform(post("/settings/profile/address").param("account", owned.account().id().toString())
			.param("sameAsService", "true"));
		assertThat(customers.find(owned.account().id()).orElseThrow().billsToServiceAddress()).isTrue();
	}

	@Test
	void onlyOwnersAndManagersChangeTheAccountAddressAndOnlyOnTheirOwnAccounts() throws Exception {
		AuthorizationMatrix.with(mvc, fixtures).verify(account -> address(account, "19103"),
				AuthorizationMatrix.all(Caller.OWNER, Caller.MANAGER));
		AuthorizationMatrix.with(mvc, fixtures).verify(account -> get("/settings/profile"),
				AuthorizationMatrix.all(Caller.OWNER, Caller.MANAGER, Caller.VIEWER));

		var mine = fixtures.ownedAccount();
		var theirs = fixtures.ownedAccount();
		var browser = signedIn(mine.owner());
		assertThat(browser.perform(address(theirs.account(), "19103")).getResponse().getStatus()).isEqualTo(404);
		assertThat(browser.perform(address(theirs.account(), "bad")).getResponse().getStatus()).isEqualTo(404);
		assertThat(browser.perform(post("/settings/profile/address").param("account", "not-an-id")).getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(customers.find(theirs.account().id()).orElseThrow().billsToServiceAddress()).isTrue();

		// a viewer sees the address but no form
		var viewer = fixtures.member(mine.account(), GrantRole.VIEWER);
		var viewing = signedIn(viewer);
		viewing.perform(post("/account/switch").param("account", mine.account().id().toString()));
		String page = viewing.body(get("/settings/profile"));
		assertThat(page).contains(mine.account().number().display()).contains("Only the account owner or a manager")
			.doesNotContain("action=\"/settings/profile/address\"");
		assertThat(viewing.perform(address(mine.account(), "19103")).getResponse().getStatus()).isEqualTo(403);
		assertThat(customers.find(mine.account().id()).orElseThrow().billsToServiceAddress()).isTrue();
	}
}
