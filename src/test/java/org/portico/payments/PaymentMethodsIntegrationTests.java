package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portico.AuthorizationMatrix.Caller.MANAGER;
import static org.portico.AuthorizationMatrix.Caller.OWNER;
import static org.portico.AuthorizationMatrix.all;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.GrantRole;
import org.portico.identity.Login;
import org.portico.identity.LoginId;
import org.portico.payments.integration.PaymentGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Saved payment methods over real requests: the owner adds a card and a bank account from real sandbox
 * gateway tokens (consent recorded as shown), changes the default and removes methods, each behind a recent
 * password; managers only look; tokens are single use; other accounts' methods are not found.
 */
class PaymentMethodsIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaymentMethods paymentMethods;

	@Autowired
	PaymentGateway gateway;

	@Autowired
	Clock clock;

	SandboxTokens tokens;

	@BeforeEach
	void tokens() {
		tokens = new SandboxTokens(mvc, gateway);
	}

	@AfterEach
	void realTime() {
		TestClock.reset();
	}

	@Test
	void theOwnerAddsACardFromAHostedFieldsTokenAndTheConsentShownIsRecorded() throws Exception {
		var owned = fixtures.ownedAccount();
		Browser browser = signIn(owned.owner());

		String page = browser.body(get("/payments/methods/new").param("kind", "card"));
		assertThat(page).contains(owned.account().number().display())
			.contains("src=\"/sandbox-gateway/v1/hosted-fields.js\"")
			.contains("data-publishable-key=\"" + gateway.hostedFields().publishableKey() + "\"")
			.contains("data-token-url=\"" + gateway.hostedFields().tokenUrl() + "\"")
			.contains("/js/payment-method-form")
			.contains("needs JavaScript")
			.doesNotContain("??");
		String consentShown = consentText(page);
		assertThat(consentShown).contains("Riverbend Communications").contains(owned.account().number().display());

		Instant before = clock.instant();
		MvcResult added = browser.perform(post("/payments/methods").param("kind", "card")
			.param("token", tokens.visa())
			.param("consent", "yes"));
		assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/payments/methods");

		String list = browser.body(get("/payments/methods"));
		assertThat(list).contains("Your card has been saved.")
			.contains("Visa ending in 4242")
			.contains("Expires 04/2035")
			.contains("badge-default")
			.contains("Add a card")
			.doesNotContain("??");
		List<PaymentMethod> methods = paymentMethods.methods(owned.account().id());
		assertThat(methods).singleElement().satisfies(method -> {
			assertThat(method.isDefault()).as("the first method is the default").isTrue();
			assertThat(method.brand()).isEqualTo("visa");
			assertThat(method.last4()).isEqualTo("4242");
		});
		Map<String, Object> consent = jdbc.sql("""
				select kind, text, login_id, payment_method_id, given_at, source_address from payments.consent
				where account_id = :account""").param("account", owned.account().id().value()).query().singleRow();
		assertThat(consent.get("kind")).isEqualTo("CARD_ON_FILE");
		assertThat(consent.get("text")).isEqualTo(consentShown);
		assertThat(consent.get("login_id")).isEqualTo(owned.owner().id().value());
		assertThat(consent.get("payment_method_id")).isEqualTo(methods.get(0).id().value());
		assertThat(consent.get("source_address")).isEqualTo("127.0.0.1");
		Instant given = ((java.sql.Timestamp) consent.get("given_at")).toInstant();
		assertThat(given).isBetween(before.minusSeconds(1), clock.instant().plusSeconds(1));
		assertThat(storedRowsMentioning(owned.account().id(), "4242424242424242")).isZero();
	}

	@Test
	void theOwnerAddsABankAccountWithTheDebitAuthorisationNamingTheProvider() throws Exception {
		var owned = fixtures.ownedAccount();
		Browser browser = signIn(owned.owner());
		String page = browser.body(get("/payments/methods/new").param("kind", "bank_account"));
		String consentShown = consentText(page);
		assertThat(consentShown).contains("I authorize Riverbend Communications to debit the bank account");

		MvcResult added = browser.perform(post("/payments/methods").param("kind", "bank_account")
			.param("token", tokens.bankAccount("000123456789"))
			.param("consent", "yes"));
		assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/payments/methods");

		assertThat(browser.body(get("/payments/methods"))).contains("Your bank account has been saved.")
			.contains("Checking account ending in 6789")
			.contains("110000000")
			.doesNotContain("000123456789");
		assertThat(paymentMethods.methods(owned.account().id())).singleElement().satisfies(method -> {
			assertThat(method.kind()).isEqualTo(PaymentMethodKind.BANK_ACCOUNT);
			assertThat(method.routingNumber()).isEqualTo("110000000");
			assertThat(method.isDefault()).isTrue();
		});
		assertThat(jdbc.sql("select kind || '|' || text from payments.consent where account_id = :account")
			.param("account", owned.account().id().value()).query(String.class).single())
			.isEqualTo("BANK_DEBIT|" + consentShown);
		assertThat(storedRowsMentioning(owned.account().id(), "000123456789")).isZero();
	}

	@Test
	void addingNeedsARecentPasswordAndWorksOnceItIsGiven() throws Exception {
		var owned = fixtures.ownedAccount();
		Browser browser = signIn(owned.owner());
		// the password given at sign-in counts for five minutes
		TestClock.fixAt(ZonedDateTime.now(ZONE).plusMinutes(6));

		MvcResult page = browser.perform(get("/payments/methods/new").param("kind", "card"));
		assertThat(page.getResponse().getRedirectedUrl())
			.isEqualTo("/reauthenticate?next=%2Fpayments%2Fmethods%2Fnew%3Fkind%3Dcard");
		String token = tokens.visa();
		MvcResult post = browser.perform(post("/payments/methods").param("kind", "card").param("token", token)
			.param("consent", "yes"));
		assertThat(post.getResponse().getRedirectedUrl()).startsWith("/reauthenticate?next=");
		assertThat(paymentMethods.methods(owned.account().id())).isEmpty();

		MvcResult confirmed = browser.perform(post("/reauthenticate").param("password", AccountFixtures.SECRET)
			.param("next", "/payments/methods/new?kind=card"));
		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/payments/methods/new?kind=card");
		assertThat(browser.perform(get("/payments/methods/new").param("kind", "card")).getResponse().getStatus())
			.isEqualTo(200);
		// the token was not spent by the refused post: the gateway never saw it
		assertThat(browser.perform(post("/payments/methods").param("kind", "card").param("token", token)
			.param("consent", "yes")).getResponse().getRedirectedUrl()).isEqualTo("/payments/methods");
		assertThat(paymentMethods.methods(owned.account().id())).hasSize(1);
	}

	@Test
	void removingAndChangingTheDefaultNeedARecentPasswordToo() throws Exception {
		var owned = fixtures.ownedAccount();
		PaymentMethod first = addDirectly(owned.account(), tokens.visa());
		PaymentMethod second = addDirectly(owned.account(), tokens.card("5555555555554444"));
		Browser browser = signIn(owned.owner());
		TestClock.fixAt(ZonedDateTime.now(ZONE).plusMinutes(6));

		assertThat(browser.perform(post("/payments/methods/" + second.id() + "/default")).getResponse()
			.getRedirectedUrl()).isEqualTo("/reauthenticate?next=%2Fpayments%2Fmethods");
		assertThat(browser.perform(get("/payments/methods/" + first.id() + "/remove")).getResponse()
			.getRedirectedUrl()).isEqualTo("/reauthenticate?next=%2Fpayments%2Fmethods%2F" + first.id() + "%2Fremove");
		assertThat(browser.perform(post("/payments/methods/" + first.id() + "/remove")).getResponse()
			.getRedirectedUrl()).startsWith("/reauthenticate");
		assertThat(paymentMethods.methods(owned.account().id())).hasSize(2)
			.filteredOn(PaymentMethod::isDefault)
			.extracting(PaymentMethod::id)
			.containsExactly(first.id());
	}

	@Test
	void withoutConsentNothingIsSavedAndTheErrorIsBesideTheCheckbox() throws Exception {
		var owned = fixtures.ownedAccount();
		Browser browser = signIn(owned.owner());
		String token = tokens.visa();

		MvcResult refused = browser.perform(post("/payments/methods").param("kind", "card").param("token", token));
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		String page = Browser.body(refused);
		assertThat(page).contains("id=\"consent-error\"")
			.contains("Tick the box to give your authorization")
			.contains("aria-invalid=\"true\"")
			.contains("aria-describedby=\"consent-error consent-text\"");
		assertThat(paymentMethods.methods(owned.account().id())).isEmpty();
		assertThat(consents(owned.account().id())).isZero();

		// the token never went to the gateway, so it is still good
		assertThat(browser.perform(post("/payments/methods").param("kind", "card").param("token", token)
			.param("consent", "yes")).getResponse().getRedirectedUrl()).isEqualTo("/payments/methods");
	}

	@Test
	void aUsedForgedOrMismatchedTokenIsRefusedWithNothingSaved() throws Exception {
		var owned = fixtures.ownedAccount();
		Browser browser = signIn(owned.owner());
		String token = tokens.visa();
		assertThat(browser.perform(post("/payments/methods").param("kind", "card").param("token", token)
			.param("consent", "yes")).getResponse().getRedirectedUrl()).isEqualTo("/payments/methods");

		for (String refused : List.of(token, "tok_sbx_" + "forgedforgedforgedforged")) {
			MvcResult again = browser.perform(post("/payments/methods").param("kind", "card").param("token", refused)
				.param("consent", "yes"));
			assertThat(again.getResponse().getStatus()).isEqualTo(200);
			assertThat(Browser.body(again)).contains("Those details expired or were already used");
		}
		MvcResult mismatched = browser.perform(post("/payments/methods").param("kind", "card")
			.param("token", tokens.bankAccount("000123456789"))
			.param("consent", "yes"));
		assertThat(Browser.body(mismatched)).contains("not the kind of method this page adds");
		MvcResult malformed = browser.perform(post("/payments/methods").param("kind", "card")
			.param("token", "<script>")
			.param("consent", "yes"));
		assertThat(Browser.body(malformed)).contains("Enter your details in the secure fields");

		assertThat(paymentMethods.methods(owned.account().id())).hasSize(1);
		assertThat(consents(owned.account().id())).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from payments.sandbox_method m join payments.gateway_customer c on c.reference = m.customer
				where c.account_id = :account and m.detached_at is null""")
			.param("account", owned.account().id().value()).query(Long.class).single())
			.as("the mismatched bank account is not left attached at the gateway").isEqualTo(1);
	}

	@Test
	void makesAnotherMethodTheDefaultAndRemovingTheDefaultMovesItToTheNext() throws Exception {
		var owned = fixtures.ownedAccount();
		Browser browser = signIn(owned.owner());
		// each post is followed by the list it redirects to, as a browser does (which shows its flash message)
		browser.follow(post("/payments/methods").param("kind", "card").param("token", tokens.visa())
			.param("consent", "yes"));
		browser.follow(post("/payments/methods").param("kind", "bank_account")
			.param("token", tokens.bankAccount("000123456789"))
			.param("consent", "yes"));
		PaymentMethod card = only(owned.account(), PaymentMethodKind.CARD);
		PaymentMethod bank = only(owned.account(), PaymentMethodKind.BANK_ACCOUNT);
		assertThat(card.isDefault()).isTrue();
		assertThat(bank.isDefault()).as("added without asking to be the default").isFalse();

		assertThat(browser.follow(post("/payments/methods/" + bank.id() + "/default")))
			.contains("Your default payment method has been changed.");
		assertThat(paymentMethods.defaultMethod(owned.account().id())).map(PaymentMethod::id).contains(bank.id());

		// a third method asked to be the default takes it over
		browser.follow(post("/payments/methods").param("kind", "card").param("token", tokens.card("378282246310005"))
			.param("consent", "yes").param("makeDefault", "true"));
		assertThat(paymentMethods.defaultMethod(owned.account().id())).map(PaymentMethod::last4).contains("0005");
		PaymentMethod amex = paymentMethods.defaultMethod(owned.account().id()).orElseThrow();

		String confirm = browser.body(get("/payments/methods/" + amex.id() + "/remove"));
		assertThat(confirm).contains("Remove this payment method?")
			.contains("American Express ending in 0005")
			.contains("your newest other method becomes the default");
		assertThat(paymentMethods.methods(owned.account().id())).as("asking is not removing").hasSize(3);
		assertThat(browser.follow(post("/payments/methods/" + amex.id() + "/remove")))
			.contains("The payment method has been removed.")
			.doesNotContain("ending in 0005");
		List<PaymentMethod> left = paymentMethods.methods(owned.account().id());
		assertThat(left).hasSize(2).filteredOn(PaymentMethod::isDefault).as("the default moved to the newest other")
			.extracting(PaymentMethod::id).containsExactly(bank.id());

		browser.follow(post("/payments/methods/" + bank.id() + "/remove"));
		assertThat(paymentMethods.defaultMethod(owned.account().id())).map(PaymentMethod::id).contains(card.id());
		assertThat(browser.follow(post("/payments/methods/" + card.id() + "/remove"))).contains("No saved payment methods yet");
	}

	@Test
	void anotherAccountsRemovedOrMalformedMethodIsNotFound() throws Exception {
		var owned = fixtures.ownedAccount();
		var other = fixtures.ownedAccount();
		PaymentMethod foreign = addDirectly(other.account(), tokens.visa());
		PaymentMethod removed = addDirectly(owned.account(), tokens.visa());
		paymentMethods.remove(owned.account().id(), removed.id());
		Browser browser = signIn(owned.owner());

		for (String id : List.of(foreign.id().toString(), removed.id().toString(), "not-a-method", UUID.randomUUID().toString())) {
			assertThat(browser.perform(post("/payments/methods/" + id + "/default")).getResponse().getStatus()).as(id)
				.isEqualTo(404);
			assertThat(browser.perform(get("/payments/methods/" + id + "/remove")).getResponse().getStatus()).as(id)
				.isEqualTo(404);
			assertThat(browser.perform(post("/payments/methods/" + id + "/remove")).getResponse().getStatus()).as(id)
				.isEqualTo(404);
		}
		assertThat(paymentMethods.methods(other.account().id())).singleElement()
			.satisfies(method -> assertThat(method.isDefault()).isTrue());
		assertThat(browser.perform(get("/payments/methods/new").param("kind", "cash")).getResponse().getStatus())
			.isEqualTo(400);
	}

	@Test
	void aManagerSeesTheMethodsButNoWayToChangeThem() throws Exception {
		var owned = fixtures.ownedAccount();
		PaymentMethod card = addDirectly(owned.account(), tokens.visa());
		addDirectly(owned.account(), tokens.card("5555555555554444"));
		Login manager = fixtures.member(owned.account(), GrantRole.MANAGER);
		Browser browser = signIn(manager);
		browser.perform(post("/account/switch").param("account", owned.account().id().toString()));

		String page = browser.body(get("/payments/methods"));
		assertThat(page).contains(owned.account().number().display())
			.contains("Visa ending in 4242")
			.contains("Mastercard ending in 4444")
			.contains("Only the account owner can add, change or remove payment methods.")
			.doesNotContain("Add a card")
			.doesNotContain("/default\"")
			.doesNotContain("/remove\"");
		assertThat(browser.perform(post("/payments/methods/" + card.id() + "/remove")).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(paymentMethods.methods(owned.account().id())).hasSize(2);

		String billing = browser.body(get("/billing"));
		assertThat(billing).contains("href=\"/payments/methods\"");
		Login viewer = fixtures.member(owned.account(), GrantRole.VIEWER);
		Browser viewing = signIn(viewer);
		viewing.perform(post("/account/switch").param("account", owned.account().id().toString()));
		assertThat(viewing.body(get("/billing"))).doesNotContain("href=\"/payments/methods\"");
	}

	@Test
	void showsExpiringSoonAndExpiredCardsInEitherLanguage() throws Exception {
		var owned = fixtures.ownedAccount();
		// a card's last month ends within thirty days of any day in it
		YearMonth thisMonth = YearMonth.now(clock);
		PaymentMethod expiring = addDirectly(owned.account(),
				tokens.card("4242424242424242", thisMonth.getMonthValue(), thisMonth.getYear()));
		PaymentMethod expired = addDirectly(owned.account(), tokens.card("5555555555554444"));
		// the gateway takes no expired card: this one was saved long ago and has expired since
		YearMonth lastMonth = thisMonth.minusMonths(1);
		jdbc.sql("update payments.payment_method set exp_month = :month, exp_year = :year where id = :id")
			.param("month", lastMonth.getMonthValue()).param("year", lastMonth.getYear())
			.param("id", expired.id().value()).update();
		addDirectly(owned.account(), tokens.card("378282246310005"));
		Browser browser = signIn(owned.owner());

		String page = browser.body(get("/payments/methods"));
		String expiringRow = row(page, expiring.id());
		assertThat(expiringRow).contains("badge-expiring").contains("Expires soon")
			.contains("Expires " + thisMonth.format(DateTimeFormatter.ofPattern("MM/yyyy")))
			.doesNotContain("badge-expired");
		assertThat(row(page, expired.id())).contains("badge-expired")
			.contains("Expired " + lastMonth.format(DateTimeFormatter.ofPattern("MM/yyyy")))
			.doesNotContain("badge-expiring");
		assertThat(page).containsOnlyOnce("badge-expiring").containsOnlyOnce("badge-expired");
		assertThat(browser.body(get("/payments/methods").param("lang", "es-US"))).contains("Métodos de pago")
			.contains("Visa que termina en 4242")
			.contains("Vence pronto")
			.contains("Vencida")
			.doesNotContain("??");
		assertThat(browser.body(get("/payments/methods/new").param("kind", "bank_account").param("lang", "es-US")))
			.contains("Agregar una cuenta bancaria")
			.contains("Autorizo a Riverbend Communications a debitar")
			.doesNotContain("??");
	}

	/** One method's item in the list. */
	private static String row(String page, PaymentMethodId id) {
		int start = page.indexOf("id=\"method-" + id + "\"");
		assertThat(start).as("row of " + id).isPositive();
		int end = page.indexOf("</li>", start);
		return page.substring(start, end);
	}

	@Test
	void ownersAndManagersMaySeeTheMethodsViewersOthersAndAnonymousMayNot() throws Exception {
		AuthorizationMatrix.with(mvc, fixtures).verify(account -> get("/payments/methods"), all(OWNER, MANAGER));
	}

	@Test
	void onlyTheOwnerMayOpenTheAddPageOrAddAMethod() throws Exception {
		var matrix = AuthorizationMatrix.with(mvc, fixtures);
		matrix.verify(account -> get("/payments/methods/new").param("kind", "card"), all(OWNER));
		matrix.verify(account -> post("/payments/methods").param("kind", "card")
			.param("token", unchecked(() -> tokens.visa()))
			.param("consent", "yes")
			.with(csrf()), all(OWNER));
	}

	@Test
	void onlyTheOwnerMayChangeTheDefaultOrRemoveAMethod() throws Exception {
		var matrix = AuthorizationMatrix.with(mvc, fixtures);
		matrix.verify(account -> post("/payments/methods/" + newMethod(account) + "/default").with(csrf()), all(OWNER));
		matrix.verify(account -> get("/payments/methods/" + newMethod(account) + "/remove"), all(OWNER));
		matrix.verify(account -> post("/payments/methods/" + newMethod(account) + "/remove").with(csrf()), all(OWNER));
	}

	// ---- helpers --------------------------------------------------------------------------------

	private PaymentMethodId newMethod(ServiceAccount account) {
		return addDirectly(account, unchecked(() -> tokens.visa())).id();
	}

	private PaymentMethod addDirectly(ServiceAccount account, String token) {
		return paymentMethods.add(account.id(), token, false, new LoginId(UUID.randomUUID()),
				new Consent("I agree (test fixture).", "127.0.0.1"));
	}

	private PaymentMethod only(ServiceAccount account, PaymentMethodKind kind) {
		return paymentMethods.methods(account.id()).stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
	}

	private long consents(ServiceAccountId account) {
		return jdbc.sql("select count(*) from payments.consent where account_id = :account")
			.param("account", account.value()).query(Long.class).single();
	}

	/** Rows of the account's payment tables whose text mentions {@code value} anywhere. */
	private long storedRowsMentioning(ServiceAccountId account, String value) {
		return jdbc.sql("""
				select (select count(*) from payments.payment_method m where m.account_id = :account and m::text like :value)
				     + (select count(*) from payments.consent c where c.account_id = :account and c::text like :value)""")
			.param("account", account.value()).param("value", "%" + value + "%").query(Long.class).single();
	}

	/** The consent paragraph as the page shows it (the page escapes nothing in it but the apostrophe). */
	private static String consentText(String page) {
		int start = page.indexOf("id=\"consent-text\">");
		assertThat(start).as("consent text on the page").isPositive();
		int from = start + "id=\"consent-text\">".length();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(page.substring(from, page.indexOf("</p>", from)));
	}

	private Browser signIn(Login login) throws Exception {
		return new Browser(mvc, AuthorizationMatrix.signIn(mvc, login.email().value(), AccountFixtures.SECRET));
	}

	private static <T> T unchecked(ThrowingSupplier<T> supplier) {
		try {
			return supplier.get();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	interface ThrowingSupplier<T> {

		T get() throws Exception;
	}

	/** One signed-in browser: its session cookie on every request, a CSRF token on every post. */
	static final class Browser {

		private final MockMvc mvc;

		private @Nullable Cookie session;

		Browser(MockMvc mvc, Cookie session) {
			this.mvc = mvc;
			this.session = session;
		}

		MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
			if (session != null) {
				request.cookie(session);
			}
			MvcResult result = mvc.perform(request.with(csrf())).andReturn();
			Cookie renewed = result.getResponse().getCookie("SESSION");
			if (renewed != null && renewed.getMaxAge() != 0) {
				session = renewed;
			}
			return result;
		}

		String body(MockHttpServletRequestBuilder request) throws Exception {
			MvcResult result = perform(request);
			assertThat(result.getResponse().getStatus()).as(result.getRequest().getRequestURI()).isEqualTo(200);
			return body(result);
		}

		/** Performs a post that must redirect to the list, then opens the list: its page. */
		String follow(MockHttpServletRequestBuilder request) throws Exception {
			MvcResult result = perform(request);
			assertThat(result.getResponse().getRedirectedUrl()).as(result.getRequest().getRequestURI())
				.isEqualTo("/payments/methods");
			return body(get("/payments/methods"));
		}

		static String body(MvcResult result) throws Exception {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
	}

	@Test
	void theDefaultMovesBackAndForthBetweenMethodsWithOneDefaultAtATime() throws Exception {
		var owned = fixtures.ownedAccount();
		var consent = new Consent("I authorise saving this card for future payments.", "203.0.113.7");
		var first = paymentMethods.add(owned.account().id(), PaymentFixtures.cardToken(mvc, PaymentFixtures.APPROVED),
				false, owned.owner().id(), consent);
		var second = paymentMethods.add(owned.account().id(), PaymentFixtures.cardToken(mvc, "5555555555554444"), false,
				owned.owner().id(), consent);
		var third = paymentMethods.add(owned.account().id(), PaymentFixtures.cardToken(mvc, "6011111111111117"), false,
				owned.owner().id(), consent);
		// every order of rows on disk: later to earlier and back, several times
		for (var next : java.util.List.of(third, first, second, first, third, second, first)) {
			assertThat(paymentMethods.makeDefault(owned.account().id(), next.id())).isTrue();
			assertThat(paymentMethods.defaultMethod(owned.account().id()).orElseThrow().id()).isEqualTo(next.id());
			assertThat(paymentMethods.methods(owned.account().id()).stream().filter(PaymentMethod::isDefault)).hasSize(1);
		}
	}
}
