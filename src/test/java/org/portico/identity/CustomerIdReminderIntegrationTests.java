package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portico.identity.RegistrationIntegrationTests.assertSteady;
import static org.portico.identity.RegistrationIntegrationTests.timed;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.customer.AccountStatus;
import org.portico.customer.CustomerManagement;
import org.portico.customer.NewServiceAccount;
import org.portico.customer.ServiceAccount;
import org.portico.identity.RegistrationIntegrationTests.Browser;
import org.portico.identity.RegistrationIntegrationTests.Page;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * “Forgot customer ID” over real HTTP: by email, phone, or account number and billing ZIP, the customer
 * ID goes to a contact on file (a holder without a login is told how to register); the page and its time
 * are the same whatever matched; malformed input is shown beside the field; repeated asks send one message.
 */
class CustomerIdReminderIntegrationTests extends IntegrationTestSupport {

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void sendsTheCustomerIdToTheEmailAskedAbout() throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		Page sent = ask("email", "email", email.toUpperCase());
		assertThat(sent.location()).isEqualTo("/recover/customer-id/sent");
		assertThat(browser().get(sent.location()).body()).contains("If the details you gave match our records");
		assertThat(lastBody(email, "customer-id-reminder", "EMAIL")).contains(owned.owner().customerId().value())
			.contains("/login");
	}

	@Test
	void textsTheCustomerIdToThePhoneOnFile() throws Exception {
		PhoneNumber phone = RegistrationIntegrationTests.uniquePhone();
		ServiceAccount account = account(phone, AccountStatus.ACTIVE);
		Login login = createLogin(account);
		assertThat(ask("phone", "phone", phone.display()).location()).isEqualTo("/recover/customer-id/sent");
		assertThat(lastBody(phone.e164(), "customer-id-reminder", "SMS")).contains(login.customerId().value());
	}

	@Test
	void sendsTheCustomerIdToTheAddressOfRecordByAccountNumber() throws Exception {
		var owned = fixtures.ownedAccount();
		assertThat(ask("account", "accountNumber", owned.account().number().display(), "zip", "19103").location())
			.isEqualTo("/recover/customer-id/sent");
		assertThat(lastBody(owned.account().holder().email().value(), "customer-id-reminder", "EMAIL"))
			.contains(owned.owner().customerId().value());
	}

	@Test
	void aHolderWithoutALoginIsToldHowToRegister() throws Exception {
		ServiceAccount account = account(RegistrationIntegrationTests.uniquePhone(), AccountStatus.ACTIVE);
		assertThat(ask("email", "email", account.holder().email().value()).location())
			.isEqualTo("/recover/customer-id/sent");
		assertThat(lastBody(account.holder().email().value(), "customer-id-none", "EMAIL")).contains("/register");
		assertThat(count(account.holder().email().value(), "customer-id-reminder")).isZero();
	}

	@Test
	void answersTheSameWhateverMatchedAndSendsNothingForUnknownOrClosedDetails() throws Exception {
		var owned = fixtures.ownedAccount();
		ServiceAccount closed = account(RegistrationIntegrationTests.uniquePhone(), AccountStatus.ACTIVE);
		customers.changeStatus(closed.id(), AccountStatus.CLOSED);
		String unknown = "nobody." + UUID.randomUUID() + "@example.test";
		List<Page> answers = List.of(ask("email", "email", owned.owner().email().value()),
				ask("email", "email", unknown),
				ask("phone", "phone", RegistrationIntegrationTests.uniquePhone().display()),
				ask("account", "accountNumber", owned.account().number().digits(), "zip", "19103"),
				ask("account", "accountNumber", owned.account().number().digits(), "zip", "19107"),
				ask("account", "accountNumber", closed.number().digits(), "zip", "19103"));
		for (Page answer : answers) {
			assertThat(answer.status()).isEqualTo(302);
			assertThat(answer.location()).isEqualTo("/recover/customer-id/sent");
		}
		assertThat(count(unknown, "customer-id-reminder") + count(unknown, "customer-id-none")).isZero();
		assertThat(count(closed.holder().email().value(), "customer-id-none")).isZero();
	}

	@Test
	void takesTheSameTimeWhetherOrNotTheLoginExists() throws Exception {
		var owned = fixtures.ownedAccount();
		Browser browser = browser();
		browser.get("/recover/customer-id");
		String known = owned.owner().email().value();
		for (int i = 0; i < 5; i++) {
			browser.post("/recover/customer-id", "by", "email", "email", known);
			browser.post("/recover/customer-id", "by", "email", "email", "warm." + i + "@example.test");
		}
		List<Long> found = new ArrayList<>();
		List<Long> notFound = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			found.add(timed(() -> browser.post("/recover/customer-id", "by", "email", "email", known)));
			String unknown = "nobody." + i + "." + System.nanoTime() + "@example.test";
			notFound.add(timed(() -> browser.post("/recover/customer-id", "by", "email", "email", unknown)));
		}
		assertSteady(found, notFound);
		assertThat(Collections.min(found)).isGreaterThanOrEqualTo(340);
		assertThat(Collections.min(notFound)).isGreaterThanOrEqualTo(340);
		// repeated asks within a quarter of an hour send one message
		assertThat(count(known, "customer-id-reminder")).isEqualTo(1);
	}

	@Test
	void asksAgainAfterAQuarterOfAnHourSendAgain() throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		ask("email", "email", email);
		ask("email", "email", email);
		assertThat(count(email, "customer-id-reminder")).isEqualTo(1);
		TestClock.fixAt(ZonedDateTime.now().plusMinutes(16));
		ask("email", "email", email);
		assertThat(count(email, "customer-id-reminder")).isEqualTo(2);
	}

	@Test
	void malformedInputIsShownBesideTheFieldAndSendsNothing() throws Exception {
		List<String[]> cases = List.of(new String[] { "email", "email", "", "email-error", "Enter an email address." },
				new String[] { "email", "email", "not-an-email", "email-error", "like name@example.com" },
				new String[] { "email", "email", "x".repeat(5000), "email-error", "like name@example.com" },
				new String[] { "phone", "phone", "123", "phone-error", "10-digit" },
				new String[] { "phone", "phone", "", "phone-error", "Enter a phone number." },
				new String[] { "account", "accountNumber", "12AB", "accountNumber-error", "only digits" },
				new String[] { "account", "accountNumber", "", "accountNumber-error", "Enter your account number." });
		for (String[] c : cases) {
			Page page = ask(c[0], c[1], c[2], "zip", "19103");
			assertThat(page.status()).as(c[4]).isEqualTo(200);
			assertThat(page.body()).as(c[4]).contains("id=\"" + c[3] + "\"").contains(c[4]).contains("is-invalid");
		}
		var owned = fixtures.ownedAccount();
		Page zip = ask("account", "accountNumber", owned.account().number().digits(), "zip", "abc");
		assertThat(zip.body()).contains("id=\"zip-error\"").contains("Enter a 5-digit ZIP code");
		assertThat(count(owned.account().holder().email().value(), "customer-id-reminder")).isZero();
		// an unknown method falls back to email; the form is in Spanish on request
		assertThat(browser().get("/recover/customer-id?by=bogus").body()).contains("id=\"email\"");
		assertThat(browser().get("/recover/customer-id?lang=es-US").body()).contains("¿Olvidó su ID de cliente?");
	}

	Page ask(String by, String... params) throws Exception {
		Browser browser = browser();
		browser.get("/recover/customer-id?by=" + by);
		List<String> all = new ArrayList<>(List.of("by", by));
		all.addAll(List.of(params));
		return browser.post("/recover/customer-id", all.toArray(String[]::new));
	}

	Browser browser() {
		return new Browser("http://127.0.0.1:" + port);
	}

	ServiceAccount account(PhoneNumber phone, AccountStatus status) {
		var template = AccountFixtures.newAccount("Cyd", "Holder");
		return customers.open(new NewServiceAccount(template.holderFirstName(), template.holderLastName(),
				template.email(), phone, Language.EN_US, template.serviceAddress(), null, 12, status));
	}

	@Autowired
	IdentityManagement identity;

	Login createLogin(ServiceAccount account) {
		Login login = identity.createLogin(account.holder().id(), account.holder().email(), null, AccountFixtures.SECRET);
		identity.grant(login.id(), account.id(), GrantRole.OWNER);
		return login;
	}

	String lastBody(String address, String template, String channel) {
		return jdbc.sql("""
				select body_text from notifications.message
				where address = :address and template = :template and channel = :channel
				order by created_at desc limit 1
				""").param("address", address).param("template", template).param("channel", channel)
			.query(String.class).single();
	}

	long count(String address, String template) {
		return jdbc.sql("select count(*) from notifications.message where lower(address) = lower(:address) and template = :template")
			.param("address", address).param("template", template).query(Long.class).single();
	}
}
