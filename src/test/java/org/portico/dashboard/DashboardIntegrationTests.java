package org.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.portico.AuthorizationMatrix.Caller.MANAGER;
import static org.portico.AuthorizationMatrix.Caller.OWNER;
import static org.portico.AuthorizationMatrix.Caller.VIEWER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AccountFixtures.OwnedAccount;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.SqlStatements;
import org.portico.TestClock;
import org.portico.billing.BillingFixtures;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.GrantRole;
import org.portico.identity.Login;
import org.portico.notifications.Category;
import org.portico.notifications.Notification;
import org.portico.notifications.NotificationManagement;
import org.portico.notifications.Recipient;
import org.portico.payments.Autopay;
import org.portico.payments.Consent;
import org.portico.payments.PaymentJobs;
import org.portico.payments.PaymentFixtures;
import org.portico.payments.PaymentMethod;
import org.portico.payments.PaymentStatus;
import org.portico.payments.Payments;
import org.portico.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard on real PostgreSQL with the test clock: each tile in each state it can be in, the
 * projection following events (asynchronously, so the tests await it), a missing row computed on first
 * view, the household roles, Spanish, and the page's statement budget.
 *
 * <p>Fixture accounts get their first statement on 2026-01-12 for Internet 300 ($50.00, untaxed), due
 * 2026-02-02: past due from 2026-02-03, suspended by dunning on 2026-03-04.
 */
class DashboardIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	private static final LocalDate DUE = LocalDate.of(2026, 2, 2);

	@Autowired
	org.portico.payments.PaymentMethods paymentMethods;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	BillingFixtures billing;

	@Autowired
	PaymentFixtures paymentFixtures;

	@Autowired
	Payments payments;

	@Autowired
	PaymentJobs jobs;

	@Autowired
	Autopay autopay;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void followsTheAuthorisationMatrix() throws Exception {
		AuthorizationMatrix.with(mvc, accounts).verify(account -> get("/dashboard"),
				AuthorizationMatrix.all(OWNER, MANAGER, VIEWER));
	}

	@Test
	void showsTheAmountDueTheDueDateAndThePayButtonForAnOpenStatement() throws Exception {
		OwnedAccount owned = billedAccount();
		fixOn(LocalDate.of(2026, 1, 20));

		String page = dashboard(signIn(owned.owner()));

		assertThat(page).contains("data-tile=\"amount-due\">$50.00<")
			.contains("Due Feb 2, 2026 · Due in 13 days")
			.contains("data-tile=\"pay\"")
			.contains("href=\"/payments/pay\"")
			.doesNotContain("banner-past-due")
			.contains("Statement of Jan 12, 2026")
			.contains("This is your first statement.")
			.contains("href=\"/billing/statements/")
			.contains("Internet 300")
			.contains(">Active<")
			.contains("Account " + owned.account().number().display());
		// what is not online yet says so, with the number to call
		assertThat(page).contains("Data usage").contains("Your devices").contains("Outages in your area")
			.contains("Technician appointments")
			.contains("On its way to My Account. Until then, call us at");
	}

	@Test
	void theProjectionFollowsAPaymentThatSettles() throws Exception {
		OwnedAccount owned = billedAccount();
		fixOn(LocalDate.of(2026, 1, 20));
		Cookie session = signIn(owned.owner());
		assertThat(dashboard(session)).contains("data-tile=\"pay\"");
		long version = version(owned.account().id());

		PaymentMethod card = paymentFixtures.savedCard(mvc, owned, PaymentFixtures.APPROVED);
		assertThat(payments.pay(PaymentFixtures.request(owned, card, Money.usd("50.00"))).status())
			.isEqualTo(PaymentStatus.SETTLED);

		// the row exists, so only the event listeners can have changed it
		await().atMost(Duration.ofSeconds(20)).until(() -> dashboard(session).contains("data-tile=\"paid\""));
		assertThat(version(owned.account().id())).isGreaterThan(version);
		String page = dashboard(session);
		assertThat(page).contains("Nothing is due now.")
			.contains("Last payment: $50.00 on Jan 20, 2026")
			.doesNotContain("data-tile=\"pay\"");
	}

	@Test
	void aPaymentStillProcessingShowsAsProcessingInsteadOfThePayButton() throws Exception {
		OwnedAccount owned = billedAccount();
		fixOn(LocalDate.of(2026, 1, 20));
		Cookie session = signIn(owned.owner());
		assertThat(dashboard(session)).contains("data-tile=\"pay\"");

		PaymentMethod bank = paymentFixtures.savedBankAccount(mvc, owned, PaymentFixtures.BANK_OK);
		assertThat(payments.pay(PaymentFixtures.request(owned, bank, Money.usd("50.00"))).status())
			.isEqualTo(PaymentStatus.PROCESSING);

		await().atMost(Duration.ofSeconds(20)).until(() -> dashboard(session).contains("Processing $50.00"));
		assertThat(dashboard(session)).contains("Your payment of $50.00 is processing.")
			.doesNotContain("data-tile=\"pay\"");
	}

	@Test
	void aPastDueAccountGetsTheBannerWithTheAmountAndTheFirstDayPastDue() throws Exception {
		OwnedAccount owned = billedAccount();
		// the row is computed before the due date; past due is worked out when the page is shown
		fixOn(LocalDate.of(2026, 1, 20));
		Cookie session = signIn(owned.owner());
		assertThat(dashboard(session)).doesNotContain("banner-past-due");

		fixOn(DUE.plusDays(8));
		String page = dashboard(session);

		assertThat(page).contains("id=\"banner-past-due\"")
			.contains("Your account is past due")
			.contains("$50.00 has been past due since Feb 3, 2026.")
			.contains("Was due Feb 2, 2026");
	}

	@Test
	void anAccountSuspendedForNonPaymentIsToldToPayToRestoreIt() throws Exception {
		OwnedAccount owned = billedAccount();
		LocalDate dayThirty = DUE.plusDays(30);
		fixOn(dayThirty);
		jobs.dunning(owned.account().id(), dayThirty);
		Cookie session = signIn(owned.owner());

		await().atMost(Duration.ofSeconds(20)).until(() -> dashboard(session).contains("banner-suspended"));
		String page = dashboard(session);
		assertThat(page).contains("Your services are suspended for non-payment")
			.contains("Pay the past-due amount of $50.00 to restore your services.")
			.doesNotContain("id=\"banner-past-due\"")
			.contains("href=\"/payments/pay\"");
	}

	@Test
	void aViewerSeesTheAmountDueWithoutThePayButton() throws Exception {
		OwnedAccount owned = billedAccount();
		fixOn(LocalDate.of(2026, 1, 20));
		Login viewer = accounts.member(owned.account(), GrantRole.VIEWER);
		Cookie session = signIn(viewer);
		switchTo(session, owned.account().id());

		String page = dashboard(session);

		assertThat(page).contains("Account " + owned.account().number().display())
			.contains("data-tile=\"amount-due\">$50.00<")
			.contains("Only the account’s owner or a manager can pay online.")
			.doesNotContain("data-tile=\"pay\"")
			.doesNotContain("href=\"/payments/pay\"")
			.doesNotContain("Manage autopay");
	}

	@Test
	void speaksSpanish() throws Exception {
		OwnedAccount owned = billedAccount();
		fixOn(LocalDate.of(2026, 1, 20));
		Cookie session = signIn(owned.owner());

		String page = mvc.perform(get("/dashboard").param("lang", "es-US").cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("Monto a pagar")
			.contains("Vence en 13 días")
			.contains("Pagar ahora")
			.contains("Último estado de cuenta")
			.contains("Este es su primer estado de cuenta.")
			.contains("Pago automático")
			.contains("Próximamente en Mi Cuenta")
			.contains("Cuenta " + owned.account().number().display());
	}

	@Test
	void theAutopayTileFollowsEnrolmentAndADeclinedCharge() throws Exception {
		OwnedAccount owned = billedAccount();
		fixOn(LocalDate.of(2026, 1, 20));
		Cookie session = signIn(owned.owner());
		assertThat(dashboard(session)).contains("data-tile=\"autopay\">Off<");
		paymentFixtures.savedCard(mvc, owned, PaymentFixtures.INSUFFICIENT_FUNDS);

		autopay.enrol(owned.account().id(), owned.owner().id(),
				new Consent("I authorise automatic payments of each statement.", "203.0.113.7"));

		await().atMost(Duration.ofSeconds(20)).until(() -> dashboard(session).contains("data-tile=\"autopay\">On<"));
		assertThat(dashboard(session)).contains("Pays with Visa ending in 9995")
			.contains("Next charge: $50.00 on Feb 2, 2026")
			.contains("href=\"/payments/autopay\"");

		// the due date's charge is declined: a retry is scheduled, and the banner says when
		fixOn(DUE);
		jobs.autopay(owned.account().id(), DUE);

		await().atMost(Duration.ofSeconds(20)).until(() -> dashboard(session).contains("banner-autopay-declined"));
		assertThat(dashboard(session)).contains("Your autopay payment was declined").contains("We’ll try again on Feb");

		// a new default card is what the retry will charge: the tile names it
		var good = paymentFixtures.savedCard(mvc, owned, "5555555555554444");
		paymentMethods.makeDefault(owned.account().id(), good.id());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> dashboard(session).contains("Pays with Mastercard ending in 4444"));
	}

	@Test
	void showsTheNewestUnreadNotificationsAndTheirCount() throws Exception {
		OwnedAccount owned = accounts.ownedAccount();
		Cookie session = signIn(owned.owner());
		// a new login gets an in-app notice that it was created
		await().atMost(Duration.ofSeconds(20)).until(() -> dashboard(session).contains("1 unread notification<"));
		assertThat(dashboard(session)).contains("An online login was created for your account");

		notifications.send(Notification.of(Category.ACCOUNT, "login-created", new Recipient.Login(owned.owner().id()),
				Map.of()));

		await().atMost(Duration.ofSeconds(20)).until(() -> dashboard(session).contains("2 unread notifications<"));
		assertThat(dashboard(session)).contains("bell-badge").contains(">2</span>").contains("href=\"/notifications\"");
	}

	@Test
	void aMissingRowIsComputedOnFirstView() throws Exception {
		// an account that never had an event the projection follows: no row until someone looks
		OwnedAccount owned = accounts.ownedAccount();
		assertThat(rows(owned.account().id())).isZero();

		String page = dashboard(signIn(owned.owner()));

		assertThat(page).contains("No statement yet.").contains("Account " + owned.account().number().display());
		assertThat(rows(owned.account().id())).isOne();
	}

	/**
	 * The page is a read model, not a call per tile: with the account's row in place a view costs the
	 * login's grants, the row, and the unread notices with their count (which the bell reuses). Spring
	 * Session's own statements on its tables, which every signed-in page pays, are not counted.
	 */
	@Test
	void rendersInAtMostThreeStatementsFromAWarmRow() throws Exception {
		var history = billing.historyOfThreeStatements();
		OwnedAccount owned = history.owned();
		fixOn(LocalDate.of(2026, 3, 20));
		Cookie session = signIn(owned.owner());
		// the events of the fixture's history refresh the row one after another: wait for the last, then quiet
		await().atMost(Duration.ofSeconds(20))
			.until(() -> dashboard(session).contains("Statement of Mar 12, 2026"));
		awaitQuiet(owned.account().id());

		List<String> statements;
		String page;
		try (var recording = SqlStatements.record()) {
			page = dashboard(session);
			statements = recording.statements()
				.stream()
				.filter(sql -> !sql.toLowerCase().contains("spring_session"))
				.toList();
		}

		assertThat(page).contains("Statement of Mar 12, 2026").contains("data-tile=\"changes\"");
		assertThat(statements).as("statements of GET /dashboard: %s", statements).hasSizeLessThanOrEqualTo(3);
		assertThat(statements).anyMatch(sql -> sql.contains("dashboard.account_overview"));
	}

	// ---- helpers ------------------------------------------------------------------------------------

	/**
	 * A fixture account with its first statement, once the projection has caught up with it: its services
	 * and its statement each refresh the row, asynchronously, in whatever order the listeners run.
	 */
	private OwnedAccount billedAccount() {
		OwnedAccount owned = paymentFixtures.billedAccount();
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from dashboard.account_overview
				where account_id = :account and jsonb_typeof(overview -> 'statement') = 'object'
				""").param("account", owned.account().id().value()).query(Long.class).single() == 1);
		return owned;
	}

	private void fixOn(LocalDate day) {
		TestClock.fixAt(ZonedDateTime.of(day.atTime(12, 0), ZONE));
	}

	private Cookie signIn(Login login) throws Exception {
		return AuthorizationMatrix.signIn(mvc, login.email().value(), AccountFixtures.SECRET);
	}

	private void switchTo(Cookie session, ServiceAccountId account) throws Exception {
		mvc.perform(post("/account/switch").param("account", account.toString()).cookie(session).with(csrf()));
	}

	private String dashboard(Cookie session) throws Exception {
		var response = mvc.perform(get("/dashboard").cookie(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private long rows(ServiceAccountId account) {
		return jdbc.sql("select count(*) from dashboard.account_overview where account_id = :account")
			.param("account", account.value())
			.query(Long.class)
			.single();
	}

	private long version(ServiceAccountId account) {
		return jdbc.sql("select version from dashboard.account_overview where account_id = :account")
			.param("account", account.value())
			.query(Long.class)
			.single();
	}

	/** Waits until the row's version has stood still for a moment (no refresh under way). */
	private void awaitQuiet(ServiceAccountId account) {
		long[] last = { version(account) };
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
			long now = version(account);
			boolean quiet = now == last[0];
			last[0] = now;
			return quiet;
		});
	}
}
