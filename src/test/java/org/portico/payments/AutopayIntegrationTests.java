package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.portico.AuthorizationMatrix.Caller.MANAGER;
import static org.portico.AuthorizationMatrix.Caller.OWNER;
import static org.portico.AuthorizationMatrix.Caller.VIEWER;
import static org.portico.AuthorizationMatrix.all;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AccountFixtures.OwnedAccount;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.TestMail;
import org.portico.billing.BillingFixtures;
import org.portico.billing.BillingManagement;
import org.portico.billing.LedgerEntryType;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.GrantRole;
import org.portico.identity.Login;
import org.portico.payments.PaymentMethodsIntegrationTests.Browser;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Autopay over the days around a due date, on real PostgreSQL with the test clock: the reminder three days
 * before, the charge on the due date for what is left of the statement (DECISIONS.md), nothing when it is
 * paid or covered by a payment processing, declined charges tried again two and five days after the due
 * date with a message each time, a new default method used at the retry, cancellation, catching up after
 * downtime, and the page's refusals and permissions. Each test runs autopay for its own new accounts
 * (the job is off in tests).
 *
 * <p>Fixture accounts get their first statement on 2026-01-12 for Internet 300 ($50.00, untaxed), due
 * 2026-02-02; they enrol on 2026-01-20.
 */
class AutopayIntegrationTests extends IntegrationTestSupport {

	private static final LocalDate DUE = LocalDate.of(2026, 2, 2);

	private static final LocalDate ENROLLED = LocalDate.of(2026, 1, 20);

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Autowired
	AccountFixtures accounts;

	@Autowired
	BillingFixtures billing;

	@Autowired
	BillingManagement billingManagement;

	@Autowired
	PaymentFixtures paymentFixtures;

	@Autowired
	PaymentMethods methods;

	@Autowired
	Payments payments;

	@Autowired
	Autopay autopay;

	@Autowired
	AutopayRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerManagement customers;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	// ---- charging -------------------------------------------------------------------------------

	@Test
	void paysTheStatementOnItsDueDateOnceAndTellsTheHolder() throws Exception {
		OwnedAccount owned = enrolled(PaymentFixtures.APPROVED);
		ServiceAccountId id = owned.account().id();
		assertThat(billingManagement.statements(id)).singleElement()
			.satisfies(statement -> assertThat(statement.dueDate()).isEqualTo(DUE));
		TestClock.fixAt(at(ENROLLED));
		AutopayState before = autopay.state(id);
		assertThat(before.enrolled()).isTrue();
		assertThat(before.nextChargeOn()).isEqualTo(DUE);
		assertThat(before.nextChargeAmount()).isEqualTo(Money.usd("50.00"));
		assertThat(before.method()).isNotNull().extracting(PaymentMethod::last4).isEqualTo("4242");

		TreeMap<LocalDate, Autopay.RunResult> results = runDays(owned, DUE.minusDays(1), DUE.plusDays(8));

		assertThat(daysCharged(results)).containsExactly(DUE);
		Payment paid = payments.history(id).get(0);
		assertThat(payments.history(id)).hasSize(1);
		assertThat(paid.status()).isEqualTo(PaymentStatus.SETTLED);
		assertThat(paid.amount()).isEqualTo(Money.usd("50.00"));
		assertThat(paid.submittedOn()).isEqualTo(DUE);
		assertThat(payer(paid)).as("no login made it").isNull();
		assertThat(billingManagement.ledger(id)).filteredOn(entry -> entry.type() == LedgerEntryType.PAYMENT)
			.singleElement()
			.satisfies(entry -> assertThat(entry.amount()).isEqualTo(Money.usd("-50.00")));
		assertThat(attempts(id)).containsExactly("1:PAID");
		AutopayState after = autopay.state(id);
		assertThat(after.nextChargeOn()).isNull();
		assertThat(after.failureReason()).isNull();

		MimeMessage notice = awaitMails(owned.account(), "Your automatic payment went through", 1).get(0);
		assertThat(text(notice))
			.contains("Autopay paid $50.00 for account " + owned.account().number().display() + ". Thank you.")
			.contains(paid.receiptNumber())
			.contains("Visa ending in 4242");
		awaitEvents();
		assertThat(messages(owned.account(), "autopay-paid")).isEqualTo(1);
		assertThat(messages(owned.account(), "payment-received")).as("autopay's own notice only").isZero();
	}

	@Test
	void remindsExactlyThreeDaysBeforeTheDueDateOnce() throws Exception {
		OwnedAccount owned = enrolled(PaymentFixtures.APPROVED);

		TreeMap<LocalDate, Autopay.RunResult> results = runDays(owned, DUE.minusDays(6), DUE.minusDays(3));
		Autopay.RunResult again = autopay.run(DUE.minusDays(3), Set.of(owned.account().id()));
		results.putAll(runDays(owned, DUE.minusDays(2), DUE.minusDays(1)));

		assertThat(results.entrySet().stream().filter(e -> e.getValue().reminders() > 0).map(e -> e.getKey()))
			.containsExactly(DUE.minusDays(3));
		assertThat(again.reminders()).as("not twice on the day").isZero();
		assertThat(payments.history(owned.account().id())).as("nothing charged before the due date").isEmpty();
		MimeMessage reminder = awaitMails(owned.account(), "Your automatic payment is coming up", 1).get(0);
		assertThat(text(reminder)).contains("On Feb 2, 2026, autopay will pay $50.00 for account "
				+ owned.account().number().display() + " with Visa ending in 4242.");
		awaitEvents();
		assertThat(messages(owned.account(), "autopay-reminder")).isEqualTo(1);
	}

	@Test
	void skipsAStatementAlreadyPaidAndChargesOnlyWhatIsLeftOfOnePartlyPaid() throws Exception {
		OwnedAccount paidInFull = enrolled(PaymentFixtures.APPROVED);
		OwnedAccount paidInPart = enrolled(PaymentFixtures.APPROVED);
		TestClock.fixAt(at(LocalDate.of(2026, 1, 25)));
		PaymentMethod full = methods.defaultMethod(paidInFull.account().id()).orElseThrow();
		PaymentMethod part = methods.defaultMethod(paidInPart.account().id()).orElseThrow();
		assertThat(payments.pay(PaymentFixtures.request(paidInFull, full, Money.usd("50.00"))).status())
			.isEqualTo(PaymentStatus.SETTLED);
		assertThat(payments.pay(PaymentFixtures.request(paidInPart, part, Money.usd("20.00"))).status())
			.isEqualTo(PaymentStatus.SETTLED);

		runDays(DUE.minusDays(3), DUE.plusDays(6), paidInFull, paidInPart);

		assertThat(payments.history(paidInFull.account().id())).as("only the customer's own payment").hasSize(1);
		assertThat(attempts(paidInFull.account().id())).isEmpty();
		assertThat(payments.history(paidInPart.account().id())).hasSize(2)
			.first()
			.satisfies(autopaid -> assertThat(autopaid.amount()).isEqualTo(Money.usd("30.00")));
		awaitEvents();
		assertThat(messages(paidInFull.account(), "autopay-reminder")).as("no reminder with nothing to pay").isZero();
		assertThat(messages(paidInPart.account(), "autopay-reminder")).isEqualTo(1);
	}

	@Test
	void aProcessingPaymentThatCoversTheStatementStopsTheCharge() throws Exception {
		OwnedAccount owned = enrolled(PaymentFixtures.APPROVED);
		TestClock.fixAt(at(DUE.minusDays(1)));
		PaymentMethod bank = paymentFixtures.savedBankAccount(mvc, owned, PaymentFixtures.BANK_OK);
		assertThat(payments.pay(PaymentFixtures.request(owned, bank, Money.usd("50.00"))).status())
			.isEqualTo(PaymentStatus.PROCESSING);

		runDays(owned, DUE, DUE.plusDays(1));

		assertThat(payments.history(owned.account().id())).singleElement()
			.satisfies(payment -> assertThat(payment.methodKind()).isEqualTo(PaymentMethodKind.BANK_ACCOUNT));
		assertThat(attempts(owned.account().id())).isEmpty();
		assertThat(autopay.state(owned.account().id()).nextChargeOn()).isNull();
	}

	@Test
	void aBankDebitSettlesLaterAndOnlyThenIsThePaidNoticeSent() throws Exception {
		TestClock.fixAt(at(ENROLLED));
		OwnedAccount owned = accounts.ownedAccount();
		billing.firstStatementOf(owned.account());
		paymentFixtures.savedBankAccount(mvc, owned, PaymentFixtures.BANK_OK);
		enrol(owned);

		runDays(owned, DUE, DUE);

		assertThat(payments.history(owned.account().id())).singleElement()
			.extracting(Payment::status)
			.isEqualTo(PaymentStatus.PROCESSING);
		assertThat(attempts(owned.account().id())).containsExactly("1:PROCESSING");
		runDays(owned, DUE.plusDays(1), DUE.plusDays(6));
		assertThat(payments.history(owned.account().id())).as("no second debit while one processes").hasSize(1);

		// the gateway's answer comes in: the debit settled, and the listener decides the attempt
		TestClock.fixAt(at(DUE.plusDays(6)).plusHours(1));
		payments.reconcile();
		await().atMost(Duration.ofSeconds(20)).until(() -> attempts(owned.account().id()).equals(List.of("1:PAID")));
		assertThat(text(awaitMails(owned.account(), "Your automatic payment went through", 1)
			.get(0))).contains("Autopay paid $50.00").contains("Bank account ending in 6789");
	}

	@Test
	void retriesADeclinedChargeTwoAndFiveDaysAfterTheDueDateWithAMessageEachTime() throws Exception {
		OwnedAccount owned = enrolled(PaymentFixtures.INSUFFICIENT_FUNDS);
		ServiceAccountId id = owned.account().id();

		TreeMap<LocalDate, Autopay.RunResult> results = runDays(owned, DUE, DUE.plusDays(1));
		assertThat(daysDeclined(results)).containsExactly(DUE);
		AutopayState retrying = autopay.state(id);
		assertThat(retrying.failureReason()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(retrying.nextRetryOn()).isEqualTo(DUE.plusDays(2));
		assertThat(retrying.nextChargeAmount()).isEqualTo(Money.usd("50.00"));
		assertThat(signIn(owned.owner()).body(get("/payments/autopay"))).contains("id=\"autopay-retrying\"")
			.contains("Your automatic payment of $50.00 didn’t go through. We’ll try again on Feb 4, 2026.")
			.contains("The bank declined it: not enough money available.");

		results = runDays(owned, DUE.plusDays(2), DUE.plusDays(9));

		assertThat(daysDeclined(results)).containsExactly(DUE.plusDays(2), DUE.plusDays(5));
		assertThat(payments.history(id)).hasSize(3).allSatisfy(payment -> {
			assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
			assertThat(payment.amount()).isEqualTo(Money.usd("50.00"));
		});
		assertThat(attempts(id)).containsExactly("1:DECLINED", "2:DECLINED", "3:DECLINED");
		AutopayState done = autopay.state(id);
		assertThat(done.nextRetryOn()).isNull();
		assertThat(done.failureReason()).isNull();

		List<String> texts = awaitMails(owned.account(), "Your automatic payment didn’t go through", 3).stream()
			.map(AutopayIntegrationTests::text)
			.toList();
		assertThat(texts).anySatisfy(text -> assertThat(text).contains("We’ll try again on Feb 4, 2026."))
			.anySatisfy(text -> assertThat(text).contains("We’ll try again on Feb 7, 2026."))
			.anySatisfy(text -> assertThat(text).contains("We won’t try again for this statement."))
			.allSatisfy(text -> assertThat(text).contains("The bank declined it: not enough money available.")
				.contains("No money was taken."));
		awaitEvents();
		assertThat(messages(owned.account(), "autopay-failed")).isEqualTo(3);
		assertThat(messages(owned.account(), "payment-failed")).as("autopay's own notice only").isZero();
	}

	@Test
	void tellsASpanishSpeakingHolderInSpanish() {
		TestClock.fixAt(at(ENROLLED));
		OwnedAccount owned = accounts.ownedAccount();
		customers.changeLanguage(owned.account().holder().id(), Language.ES_US);
		billing.firstStatementOf(owned.account());
		savedCard(owned, PaymentFixtures.INSUFFICIENT_FUNDS);
		enrol(owned);

		runDays(owned, DUE, DUE);

		assertThat(text(awaitMails(owned.account(), "Su pago automático no se realizó", 1).get(0)))
			.contains("No pudimos cobrar su pago automático de $50.00 de la cuenta "
					+ owned.account().number().display())
			.contains("Lo intentaremos de nuevo el ");
	}

	@Test
	void aRetryUsesTheDefaultMethodChosenMeanwhile() throws Exception {
		OwnedAccount owned = enrolled(PaymentFixtures.INSUFFICIENT_FUNDS);
		ServiceAccountId id = owned.account().id();
		runDays(owned, DUE, DUE);

		TestClock.fixAt(at(DUE.plusDays(1)));
		PaymentMethod good = paymentFixtures.savedCard(mvc, owned, "5555555555554444");
		assertThat(methods.makeDefault(id, good.id())).isTrue();
		TreeMap<LocalDate, Autopay.RunResult> results = runDays(owned, DUE.plusDays(1), DUE.plusDays(8));

		assertThat(daysCharged(results)).containsExactly(DUE.plusDays(2));
		assertThat(payments.history(id).get(0)).satisfies(payment -> {
			assertThat(payment.status()).isEqualTo(PaymentStatus.SETTLED);
			assertThat(payment.last4()).isEqualTo("4444");
		});
		assertThat(attempts(id)).containsExactly("1:DECLINED", "2:PAID");
		assertThat(billingManagement.amountDue(id).orElseThrow().remaining()).isEqualTo(Money.usd("0.00"));
	}

	@Test
	void cancellingStopsRemindersChargesAndRetries() throws Exception {
		OwnedAccount before = enrolled(PaymentFixtures.APPROVED);
		OwnedAccount during = enrolled(PaymentFixtures.INSUFFICIENT_FUNDS);
		TestClock.fixAt(at(LocalDate.of(2026, 1, 25)));
		autopay.cancel(before.account().id(), before.owner().id());
		runDays(DUE.minusDays(3), DUE, before, during);
		TestClock.fixAt(at(DUE.plusDays(1)));
		autopay.cancel(during.account().id(), during.owner().id());

		runDays(DUE.plusDays(1), DUE.plusDays(6), before, during);

		assertThat(payments.history(before.account().id())).isEmpty();
		assertThat(payments.history(during.account().id())).as("the first charge only").hasSize(1);
		assertThat(autopay.state(during.account().id())).isEqualTo(AutopayState.off());
		assertThatThrownBy(() -> autopay.cancel(before.account().id(), before.owner().id()))
			.isInstanceOfSatisfying(AutopayRefusedException.class, e -> assertThat(e.code()).isEqualTo("not_enrolled"));
		assertThat(text(awaitMails(before.account(), "Autopay is off", 1).get(0)))
			.contains("Autopay is now off for account " + before.account().number().display());
		awaitEvents();
		assertThat(messages(before.account(), "autopay-reminder")).isZero();
	}

	@Test
	void catchesUpAMissedDueDateOnceAfterDowntime() {
		OwnedAccount owned = enrolled(PaymentFixtures.APPROVED);

		// nothing ran from before the reminder day until three days after the due date
		TreeMap<LocalDate, Autopay.RunResult> results = runDays(owned, DUE.plusDays(3), DUE.plusDays(3));
		Autopay.RunResult again = autopay.run(DUE.plusDays(3), Set.of(owned.account().id()));
		results.putAll(runDays(owned, DUE.plusDays(4), DUE.plusDays(6)));

		assertThat(daysCharged(results)).containsExactly(DUE.plusDays(3));
		assertThat(again.charged()).as("the next hour's run").isZero();
		assertThat(payments.history(owned.account().id())).singleElement()
			.extracting(Payment::status)
			.isEqualTo(PaymentStatus.SETTLED);
		assertThat(results.values()).allSatisfy(result -> assertThat(result.reminders()).isZero());
	}

	@Test
	void theWholeRunFindsEveryEnrolledAccountAndLeavesCancelledOnesAlone() {
		OwnedAccount on = enrolled(PaymentFixtures.APPROVED);
		OwnedAccount off = enrolled(PaymentFixtures.APPROVED);
		autopay.cancel(off.account().id(), off.owner().id());
		assertThat(repository.enrolledAfter(null, Integer.MAX_VALUE)).contains(on.account().id())
			.doesNotContain(off.account().id());

		TestClock.fixAt(at(DUE));
		billing.runThrough(on.account().id(), DUE);
		billing.runThrough(off.account().id(), DUE);
		autopay.run(DUE);

		assertThat(payments.history(on.account().id())).singleElement()
			.extracting(Payment::status)
			.isEqualTo(PaymentStatus.SETTLED);
		assertThat(payments.history(off.account().id())).isEmpty();
		assertThat(repository.withOpenAttempts()).doesNotContain(on.account().id());
	}

	@Test
	void enrollingOnOrAfterTheDueDateStartsWithTheNextStatement() {
		TestClock.fixAt(at(DUE));
		OwnedAccount owned = accounts.ownedAccount();
		billing.firstStatementOf(owned.account());
		savedCard(owned, PaymentFixtures.APPROVED);
		enrol(owned);

		runDays(owned, DUE, DUE.plusDays(6));

		assertThat(payments.history(owned.account().id())).isEmpty();
		assertThat(autopay.state(owned.account().id()).nextChargeOn()).isNull();
	}

	// ---- enrolling and cancelling on the page -----------------------------------------------------

	@Test
	void theOwnerTurnsAutopayOnWithConsentRecordedAndOffAgainWithTheSameSteps() throws Exception {
		OwnedAccount owned = accounts.ownedAccount();
		PaymentMethod card = savedCard(owned, PaymentFixtures.APPROVED);
		Browser browser = signIn(owned.owner());

		String page = browser.body(get("/payments/autopay"));
		assertThat(page).contains("Autopay is off").contains("Visa ending in 4242").contains("id=\"enrol-form\"")
			.contains("value=\"" + card.id() + "\"");
		String consentShown = consentText(page);
		assertThat(consentShown).startsWith("I authorize Riverbend Communications to charge my Visa ending in 4242")
			.contains(owned.account().number().display());

		MvcResult withoutConsent = browser.perform(post("/payments/autopay").param("method", card.id().toString()));
		assertThat(Browser.body(withoutConsent)).contains("id=\"consent-error\"");
		assertThat(autopay.state(owned.account().id()).enrolled()).isFalse();

		String after = follow(browser, post("/payments/autopay").param("method", card.id().toString())
			.param("consent", "yes"));
		assertThat(after).contains("Autopay is on. We’ll send you a confirmation.").contains("id=\"cancel-form\"");
		assertThat(autopay.state(owned.account().id()).enrolled()).isTrue();
		assertThat(jdbc.sql("""
				select kind || '|' || text || '|' || source_address || '|' || payment_method_id
				from payments.consent where account_id = :account and kind = 'AUTOPAY'""")
			.param("account", owned.account().id().value())
			.query(String.class)
			.single()).isEqualTo("AUTOPAY|" + consentShown + "|127.0.0.1|" + card.id());
		assertThat(text(awaitMails(owned.account(), "Autopay is on", 1).get(0)))
			.contains("Autopay is now on for account " + owned.account().number().display())
			.contains("Your default payment method now: Visa ending in 4242.");

		String off = follow(browser, post("/payments/autopay/cancel"));
		assertThat(off).contains("Autopay is off. Nothing more will be charged automatically.");
		assertThat(autopay.state(owned.account().id()).enrolled()).isFalse();
	}

	@Test
	void turningItOnOrOffNeedsARecentPasswordAndComesBackToThePage() throws Exception {
		OwnedAccount owned = accounts.ownedAccount();
		PaymentMethod card = savedCard(owned, PaymentFixtures.APPROVED);
		Browser browser = signIn(owned.owner());
		TestClock.fixAt(ZonedDateTime.now(ZONE).plusMinutes(6));

		assertThat(browser.perform(post("/payments/autopay").param("method", card.id().toString())
			.param("consent", "yes")).getResponse().getRedirectedUrl())
			.isEqualTo("/reauthenticate?next=%2Fpayments%2Fautopay");
		assertThat(browser.perform(post("/payments/autopay/cancel")).getResponse().getRedirectedUrl())
			.isEqualTo("/reauthenticate?next=%2Fpayments%2Fautopay");
		assertThat(autopay.state(owned.account().id()).enrolled()).isFalse();
	}

	@Test
	void refusesToEnrolWithoutAMethodOrWithAnExpiredCardAndChargesNothing() throws Exception {
		OwnedAccount none = accounts.ownedAccount();
		Browser browser = signIn(none.owner());
		String page = browser.body(get("/payments/autopay"));
		assertThat(page).contains("There is no payment method on file").doesNotContain("id=\"enrol-form\"");
		assertThat(follow(browser, post("/payments/autopay").param("method", UUID.randomUUID().toString())
			.param("consent", "yes"))).contains("Autopay needs a default payment method");
		assertThat(autopay.state(none.account().id()).enrolled()).isFalse();

		TestClock.fixAt(ZonedDateTime.of(2026, 1, 20, 10, 0, 0, 0, ZONE));
		OwnedAccount expiring = accounts.ownedAccount();
		PaymentMethod card = methods.add(expiring.account().id(), cardToken("4242424242424242", 1, 2026), false,
				expiring.owner().id(), new Consent("I authorise saving this card.", "203.0.113.7"));
		TestClock.fixAt(ZonedDateTime.of(2026, 2, 1, 10, 0, 0, 0, ZONE));
		Browser owner = signIn(expiring.owner());
		assertThat(owner.body(get("/payments/autopay"))).contains("Your default card has expired")
			.doesNotContain("id=\"enrol-form\"");
		assertThat(follow(owner, post("/payments/autopay").param("method", card.id().toString())
			.param("consent", "yes"))).contains("Your default card has expired: add a new card");
		assertThatThrownBy(() -> autopay.enrol(expiring.account().id(), expiring.owner().id(),
				new Consent("I authorise autopay.", null)))
			.isInstanceOfSatisfying(AutopayRefusedException.class,
					e -> assertThat(e.code()).isEqualTo("method_expired"));
		assertThat(autopay.state(expiring.account().id()).enrolled()).isFalse();
		assertThat(autopayConsents(none.account().id()) + autopayConsents(expiring.account().id())).isZero();
	}

	@Test
	void aStaleFormChangesNothingAndSaysWhy() throws Exception {
		OwnedAccount owned = accounts.ownedAccount();
		PaymentMethod first = savedCard(owned, PaymentFixtures.APPROVED);
		PaymentMethod second = savedCard(owned, "5555555555554444");
		Browser browser = signIn(owned.owner());
		String shown = browser.body(get("/payments/autopay"));
		assertThat(shown).contains("value=\"" + first.id() + "\"");

		// the default changed in another tab after this page was shown
		assertThat(methods.makeDefault(owned.account().id(), second.id())).isTrue();
		assertThat(follow(browser, post("/payments/autopay").param("method", first.id().toString())
			.param("consent", "yes"))).contains("Your default payment method changed after this page was shown");
		assertThat(autopay.state(owned.account().id()).enrolled()).isFalse();
		assertThat(autopayConsents(owned.account().id())).isZero();

		assertThat(follow(browser, post("/payments/autopay/cancel"))).contains("Autopay was already off");

		follow(browser, post("/payments/autopay").param("method", second.id().toString()).param("consent", "yes"));
		assertThat(follow(browser, post("/payments/autopay").param("method", second.id().toString())
			.param("consent", "yes"))).contains("Autopay was already on. Nothing was changed.");
		assertThat(autopayConsents(owned.account().id())).as("the first enrolment only").isEqualTo(1);
	}

	@Test
	void managersAndViewersSeeTheStateButOnlyTheOwnerMayChangeIt() throws Exception {
		OwnedAccount owned = accounts.ownedAccount();
		savedCard(owned, PaymentFixtures.APPROVED);
		enrol(owned);
		Login manager = accounts.member(owned.account(), GrantRole.MANAGER);
		Login viewer = accounts.member(owned.account(), GrantRole.VIEWER);

		for (Login login : List.of(manager, viewer)) {
			Browser browser = signIn(login);
			assertThat(browser.perform(post("/account/switch").param("account", owned.account().id().toString()))
				.getResponse()
				.getStatus()).isEqualTo(302);
			String page = browser.body(get("/payments/autopay"));
			assertThat(page).contains("Autopay is on").contains("Only the account owner can turn autopay on or off.")
				.doesNotContain("id=\"cancel-form\"")
				.doesNotContain("id=\"enrol-form\"");
			assertThat(browser.perform(post("/payments/autopay/cancel")).getResponse().getStatus()).isEqualTo(403);
		}
		assertThat(autopay.state(owned.account().id()).enrolled()).isTrue();
	}

	@Test
	void everyoneOnTheAccountMaySeeThePage() throws Exception {
		AuthorizationMatrix.with(mvc, accounts).verify(account -> get("/payments/autopay"), all(OWNER, MANAGER, VIEWER));
	}

	@Test
	void onlyTheOwnerMayTurnItOnOrOff() throws Exception {
		var matrix = AuthorizationMatrix.with(mvc, accounts);
		matrix.verify(account -> post("/payments/autopay").param("method", UUID.randomUUID().toString())
			.param("consent", "yes")
			.with(csrf()), all(OWNER));
		matrix.verify(account -> post("/payments/autopay/cancel").with(csrf()), all(OWNER));
	}

	// ---- helpers --------------------------------------------------------------------------------

	/** An owned account with its first statement ($50.00, due {@link #DUE}), a saved card and autopay on. */
	private OwnedAccount enrolled(String card) {
		TestClock.fixAt(at(ENROLLED));
		OwnedAccount owned = accounts.ownedAccount();
		billing.firstStatementOf(owned.account());
		savedCard(owned, card);
		enrol(owned);
		return owned;
	}

	private void enrol(OwnedAccount owned) {
		autopay.enrol(owned.account().id(), owned.owner().id(),
				new Consent("I authorise autopay (test fixture).", "203.0.113.7"));
	}

	private PaymentMethod savedCard(OwnedAccount owned, String number) {
		try {
			return paymentFixtures.savedCard(mvc, owned, number);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Runs billing and autopay for the account on each day from {@code from} to {@code to}. */
	private TreeMap<LocalDate, Autopay.RunResult> runDays(OwnedAccount owned, LocalDate from, LocalDate to) {
		return runDays(from, to, owned);
	}

	/**
	 * Runs billing and autopay for the accounts on each day from {@code from} to {@code to}, the clock only
	 * ever moving forward (the outbox delivers by it).
	 */
	private TreeMap<LocalDate, Autopay.RunResult> runDays(LocalDate from, LocalDate to, OwnedAccount... owned) {
		var results = new TreeMap<LocalDate, Autopay.RunResult>();
		Set<ServiceAccountId> ids = Arrays.stream(owned).map(o -> o.account().id()).collect(java.util.stream.Collectors.toSet());
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			TestClock.fixAt(at(day));
			for (ServiceAccountId id : ids) {
				billing.runThrough(id, day);
			}
			results.put(day, autopay.run(day, ids));
		}
		return results;
	}

	private static List<LocalDate> daysCharged(TreeMap<LocalDate, Autopay.RunResult> results) {
		return results.entrySet().stream().filter(e -> e.getValue().charged() > 0).map(e -> e.getKey()).toList();
	}

	private static List<LocalDate> daysDeclined(TreeMap<LocalDate, Autopay.RunResult> results) {
		return results.entrySet().stream().filter(e -> e.getValue().declined() > 0).map(e -> e.getKey()).toList();
	}

	private static ZonedDateTime at(LocalDate day) {
		return day.atTime(6, 40).atZone(ZONE);
	}

	/** The account's autopay attempts as “number:outcome”, in order. */
	private List<String> attempts(ServiceAccountId account) {
		return jdbc.sql("""
				select attempt || ':' || outcome from payments.autopay_attempt where account_id = :account
				order by attempt""")
			.param("account", account.value())
			.query(String.class)
			.list();
	}

	private Object payer(Payment payment) {
		return jdbc.sql("select submitted_by from payments.payment where id = :id")
			.param("id", payment.id().value())
			.query((row, n) -> row.getObject(1))
			.optional()
			.orElse(null);
	}

	private long autopayConsents(ServiceAccountId account) {
		return jdbc.sql("select count(*) from payments.consent where account_id = :account and kind = 'AUTOPAY'")
			.param("account", account.value())
			.query(Long.class)
			.single();
	}

	/** Notices (email) of a template queued for the account's holder. */
	private long messages(ServiceAccount account, String template) {
		return jdbc.sql("""
				select count(*) from notifications.message
				where person_id = :person and template = :template and channel = 'EMAIL'""")
			.param("person", account.holder().id().value())
			.param("template", template)
			.query(Long.class)
			.single();
	}

	/** Until no payments event is waiting for its listeners. */
	private void awaitEvents() {
		paymentFixtures.awaitEventsHandled();
	}

	private static List<MimeMessage> awaitMails(ServiceAccount account, String subject, int count) {
		return TestMail.awaitReceivedBy(account.holder().email().value(), subject, count);
	}

	private static String text(MimeMessage message) {
		return TestMail.part(message, "text/plain");
	}

	private Browser signIn(Login login) throws Exception {
		return new Browser(mvc, AuthorizationMatrix.signIn(mvc, login.email().value(), AccountFixtures.SECRET));
	}

	/** Posts a form that redirects back to the autopay page, then opens the page (with its flash message). */
	private static String follow(Browser browser, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MvcResult result = browser.perform(request);
		assertThat(result.getResponse().getRedirectedUrl()).as(Browser.body(result)).isEqualTo("/payments/autopay");
		return browser.body(get("/payments/autopay"));
	}

	/** The consent paragraph as the page shows it. */
	private static String consentText(String page) {
		int start = page.indexOf("id=\"consent-text\">");
		assertThat(start).as("consent text on the page").isPositive();
		int from = start + "id=\"consent-text\">".length();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(page.substring(from, page.indexOf("</p>", from)));
	}

	/** A token for a test card with the given expiry, from the sandbox's tokenisation endpoint. */
	private String cardToken(String number, int expMonth, int expYear) throws Exception {
		String json = """
				{"type":"card","number":"%s","expMonth":%d,"expYear":%d,"cvc":"123","postalCode":"19103"}"""
			.formatted(number, expMonth, expYear);
		var response = mvc.perform(post("/sandbox-gateway/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer pk_sandbox_portico")
			.content(json)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		return JsonPath.read(response.getContentAsString(StandardCharsets.UTF_8), "$.id");
	}
}
