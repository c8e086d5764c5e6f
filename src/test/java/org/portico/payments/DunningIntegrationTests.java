package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
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
import org.portico.catalog.LocalizedText;
import org.portico.customer.AccountStatus;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Dunning over the days after a missed due date, on real PostgreSQL with the test clock: reminders on
 * the reminder days (1, 10 and 20 by default) once each, suspension on day 30, restoration as soon as the
 * past-due amount is paid, pending payments holding off a suspension, and suspensions made for another
 * reason left alone. Each test runs dunning for its own new accounts only.
 *
 * <p>Fixture accounts get their first statement on 2026-01-12 for Internet 300 ($50.00, untaxed), due
 * 2026-02-02: day 1 past due is 2026-02-03, day 30 is 2026-03-04.
 */
class DunningIntegrationTests extends IntegrationTestSupport {

	private static final LocalDate DUE = LocalDate.of(2026, 2, 2);

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Autowired
	AccountFixtures accounts;

	@Autowired
	BillingFixtures billing;

	@Autowired
	PaymentFixtures paymentFixtures;

	@Autowired
	Payments payments;

	@Autowired
	BillingManagement billingManagement;

	@Autowired
	Dunning dunning;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void remindsOnDaysOneTenAndTwentyOnceEachAndSuspendsOnDayThirty() throws Exception {
		OwnedAccount owned = pastDueAccount(Language.EN_US);
		ServiceAccount account = owned.account();

		TreeMap<Integer, Dunning.RunResult> results = runDays(account, -1, 29);

		assertThat(daysWith(results, Action.REMINDED)).containsExactly(1, 10, 20);
		assertThat(daysWith(results, Action.SUSPENDED)).isEmpty();
		assertThat(status(account)).isEqualTo(AccountStatus.ACTIVE);
		DunningState before = dunning.state(account.id()).orElseThrow();
		assertThat(before.pastDue()).isEqualTo(Money.usd("50.00"));
		assertThat(before.since()).isEqualTo(DUE.plusDays(1));
		assertThat(before.daysPastDue()).isEqualTo(29);
		assertThat(before.suspensionDate()).isEqualTo(day(30));
		assertThat(before.suspended()).isFalse();

		results = runDays(account, 30, 32);

		assertThat(daysWith(results, Action.SUSPENDED)).containsExactly(30);
		assertThat(daysWith(results, Action.REMINDED)).isEmpty();
		assertThat(status(account)).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(dunning.state(account.id()).orElseThrow().suspended()).isTrue();

		List<MimeMessage> reminders = awaitMails(account, "Your payment is past due", 3);
		assertThat(text(reminders.get(0))).contains("The payment for account " + account.number().display()
				+ " is past due: $50.00 is still unpaid.")
			.contains("if it is still unpaid on Mar 4, 2026, your service will be suspended")
			.contains("http://localhost:8080/payments/pay");
		MimeMessage suspended = awaitMails(account, "Your service is suspended", 1).get(0);
		assertThat(text(suspended)).contains("We suspended the service of account " + account.number().display()
				+ " on Mar 4, 2026 because $50.00 is past due.");
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
			.until(() -> mails(account, "Your payment is past due").size() == 3);
	}

	@Test
	void sendsOnlyTheLatestReminderDueAfterDowntime() {
		ServiceAccount account = pastDueAccount(Language.EN_US).account();

		// nothing ran from the due date until day 15: the day-10 reminder goes out, not the day-1 one too
		TreeMap<Integer, Dunning.RunResult> results = runDays(account, 15, 20);

		assertThat(daysWith(results, Action.REMINDED)).containsExactly(15, 20);
		assertThat(reminderNotices(account)).isEqualTo(2);
	}

	@Test
	void suspendsAtOnceWhenTheFirstRunIsPastTheSuspensionDay() {
		ServiceAccount account = pastDueAccount(Language.EN_US).account();

		TreeMap<Integer, Dunning.RunResult> results = runDays(account, 34, 34);

		assertThat(daysWith(results, Action.SUSPENDED)).containsExactly(34);
		assertThat(status(account)).isEqualTo(AccountStatus.SUSPENDED);
	}

	@Test
	void restoresAtOnceWhenThePastDueAmountIsPaid() throws Exception {
		OwnedAccount owned = pastDueAccount(Language.EN_US);
		ServiceAccount account = owned.account();
		runDays(account, 30, 30);
		assertThat(status(account)).isEqualTo(AccountStatus.SUSPENDED);

		// paying less than what is past due does not restore
		TestClock.fixAt(at(31));
		PaymentMethod card = paymentFixtures.savedCard(mvc, owned, PaymentFixtures.APPROVED);
		assertThat(pay(owned, card, "20.00").status()).isEqualTo(PaymentStatus.SETTLED);
		awaitRecheck();
		assertThat(status(account)).isEqualTo(AccountStatus.SUSPENDED);

		assertThat(pay(owned, card, "30.00").status()).isEqualTo(PaymentStatus.SETTLED);

		// no dunning run: the settled payment itself restores the account
		await().atMost(Duration.ofSeconds(20)).until(() -> status(account) == AccountStatus.ACTIVE);
		assertThat(dunning.state(account.id())).isEmpty();
		assertThat(text(awaitMails(account, "Your service is back on", 1).get(0)))
			.contains("Thank you for your payment. The service of account " + account.number().display()
					+ " is active again.");
		assertThat(runDays(account, 32, 32).get(32).restorations()).as("restored once").isZero();
	}

	@Test
	void restoresOnTheNextRunAPaymentPostedByAnotherChannel() {
		ServiceAccount account = pastDueAccount(Language.EN_US).account();
		runDays(account, 30, 30);

		paidElsewhere(account, "50.00", day(31));

		assertThat(daysWith(runDays(account, 31, 31), Action.RESTORED)).containsExactly(31);
		assertThat(status(account)).isEqualTo(AccountStatus.ACTIVE);
	}

	@Test
	void aPendingPaymentHoldsOffRemindersAndSuspension() throws Exception {
		OwnedAccount owned = pastDueAccount(Language.EN_US);
		ServiceAccount account = owned.account();
		runDays(account, 25, 25);
		TestClock.fixAt(at(28));
		PaymentMethod bank = paymentFixtures.savedBankAccount(mvc, owned, PaymentFixtures.BANK_RETURNED);
		assertThat(pay(owned, bank, "50.00").status()).isEqualTo(PaymentStatus.PROCESSING);

		TreeMap<Integer, Dunning.RunResult> results = runDays(account, 28, 31);

		assertThat(daysWith(results, Action.SUSPENDED)).isEmpty();
		assertThat(status(account)).isEqualTo(AccountStatus.ACTIVE);
		DunningState state = dunning.state(account.id()).orElseThrow();
		assertThat(state.coveredByPendingPayments()).isTrue();
		assertThat(state.dueNow()).isEqualTo(Money.usd("0.00"));

		// the bank returns the debit: the account is suspended at the next run
		TestClock.fixAt(at(32).minusHours(1));
		payments.reconcile();
		assertThat(payments.history(account.id())).singleElement()
			.extracting(Payment::status)
			.isEqualTo(PaymentStatus.FAILED);
		assertThat(daysWith(runDays(account, 32, 32), Action.SUSPENDED)).containsExactly(32);
	}

	@Test
	void aPendingPaymentForPartOfItDoesNotHoldOffSuspension() throws Exception {
		OwnedAccount owned = pastDueAccount(Language.EN_US);
		ServiceAccount account = owned.account();
		TestClock.fixAt(at(28));
		PaymentMethod bank = paymentFixtures.savedBankAccount(mvc, owned, PaymentFixtures.BANK_OK);
		assertThat(pay(owned, bank, "20.00").status()).isEqualTo(PaymentStatus.PROCESSING);

		assertThat(daysWith(runDays(account, 30, 30), Action.SUSPENDED)).containsExactly(30);
		assertThat(dunning.state(account.id()).orElseThrow().dueNow()).isEqualTo(Money.usd("30.00"));
	}

	@Test
	void neverRestoresAnAccountSuspendedForAnotherReason() {
		ServiceAccount account = pastDueAccount(Language.EN_US).account();
		runDays(account, 1, 1);
		customers.changeStatus(account.id(), AccountStatus.SUSPENDED);

		TreeMap<Integer, Dunning.RunResult> results = runDays(account, 10, 31);
		assertThat(daysWith(results, Action.SUSPENDED)).isEmpty();
		assertThat(daysWith(results, Action.REMINDED)).as("a suspended account gets no reminders").isEmpty();

		paidElsewhere(account, "50.00", day(32));
		assertThat(daysWith(runDays(account, 32, 33), Action.RESTORED)).isEmpty();
		assertThat(status(account)).isEqualTo(AccountStatus.SUSPENDED);
	}

	@Test
	void aSuspendedOwnerCanStillSignInSeeTheirBillsAndPay() throws Exception {
		OwnedAccount owned = pastDueAccount(Language.EN_US);
		ServiceAccount account = owned.account();
		runDays(account, 30, 30);
		assertThat(status(account)).isEqualTo(AccountStatus.SUSPENDED);
		TestClock.reset();

		var session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		for (String page : List.of("/billing", "/billing/ledger", "/payments/pay", "/payments/history")) {
			var response = mvc.perform(get(page).cookie(session)).andReturn().getResponse();
			assertThat(response.getStatus()).as(page).isEqualTo(200);
			assertThat(response.getContentAsString()).as(page).contains(account.number().display());
		}
	}

	@Test
	void remindsTheHolderInTheirLanguage() throws Exception {
		ServiceAccount account = pastDueAccount(Language.ES_US).account();

		runDays(account, 1, 1);

		MimeMessage reminder = awaitMails(account, "Su pago está vencido", 1).get(0);
		String suspension = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.forLanguageTag("es-US")).format(day(30));
		assertThat(text(reminder)).contains("El pago de la cuenta " + account.number().display()
				+ " está vencido: quedan $50.00 sin pagar.")
			.contains("si el " + suspension + " sigue sin pagar, suspenderemos su servicio");
	}

	// ---- helpers -------------------------------------------------------------------------------

	enum Action {
		REMINDED, SUSPENDED, RESTORED
	}

	/** An owned account with its first statement ($50.00, due {@link #DUE}) and nothing paid. */
	private OwnedAccount pastDueAccount(Language language) {
		OwnedAccount owned = accounts.ownedAccount();
		if (language != Language.EN_US) {
			customers.changeLanguage(owned.account().holder().id(), language);
		}
		billing.firstStatementOf(owned.account());
		return owned;
	}

	/** Runs billing and dunning for the account on each day past due from {@code from} to {@code to}. */
	private TreeMap<Integer, Dunning.RunResult> runDays(ServiceAccount account, int from, int to) {
		var results = new TreeMap<Integer, Dunning.RunResult>();
		for (int n = from; n <= to; n++) {
			TestClock.fixAt(at(n));
			billing.runThrough(account.id(), day(n));
			results.put(n, dunning.run(day(n), Set.of(account.id())));
		}
		return results;
	}

	private Payment pay(OwnedAccount owned, PaymentMethod method, String amount) {
		return payments.pay(PaymentFixtures.request(owned, method, Money.usd(amount)));
	}

	/**
	 * A payment received and posted by another channel (a lockbox, a payment agent): nothing announces it,
	 * so only the next dunning run notices.
	 */
	private void paidElsewhere(ServiceAccount account, String amount, LocalDate on) {
		billingManagement.recordPayment(account.id(), Money.usd(amount), on, "elsewhere:" + java.util.UUID.randomUUID(),
				LocalizedText.of("Payment, thank you", "Pago, gracias"));
	}

	private static List<Integer> daysWith(TreeMap<Integer, Dunning.RunResult> results, Action action) {
		return results.entrySet().stream().filter(entry -> switch (action) {
			case REMINDED -> entry.getValue().reminders() > 0;
			case SUSPENDED -> entry.getValue().suspensions() > 0;
			case RESTORED -> entry.getValue().restorations() > 0;
		}).map(java.util.Map.Entry::getKey).toList();
	}

	/** Day {@code n} past due (day 1 is the day after the due date). */
	private static LocalDate day(int n) {
		return DUE.plusDays(n);
	}

	private static ZonedDateTime at(int n) {
		return day(n).atTime(6, 15).atZone(ZONE);
	}

	private AccountStatus status(ServiceAccount account) {
		return customers.find(account.id()).orElseThrow().status();
	}

	private long reminderNotices(ServiceAccount account) {
		awaitRecheck();
		return jdbc.sql("""
				select count(*) from notifications.message
				where person_id = :person and template = 'past-due-reminder' and channel = 'EMAIL'""")
			.param("person", account.holder().id().value())
			.query(Long.class)
			.single();
	}

	/** Until no dunning or payment event is waiting for its listeners. */
	private void awaitRecheck() {
		paymentFixtures.awaitEventsHandled();
	}

	private static List<MimeMessage> awaitMails(ServiceAccount account, String subject, int count) {
		return TestMail.awaitReceivedBy(account.holder().email().value(), subject, count);
	}

	private static List<MimeMessage> mails(ServiceAccount account, String subject) {
		return TestMail.receivedBy(account.holder().email().value(), subject);
	}

	/** The plain-text part, however deeply the multipart nests it. */
	static String text(Part message) throws Exception {
		return TestMail.part(message, "text/plain");
	}
}
