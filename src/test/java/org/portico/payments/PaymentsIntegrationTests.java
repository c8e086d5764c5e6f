package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.portico.AuthorizationMatrix.Caller.MANAGER;
import static org.portico.AuthorizationMatrix.Caller.OWNER;
import static org.portico.AuthorizationMatrix.Caller.VIEWER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.portico.billing.LedgerEntry;
import org.portico.billing.LedgerEntryType;
import org.portico.payments.integration.ChargeRequest;
import org.portico.payments.integration.PaymentGateway;
import org.portico.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One-time payments through the sandbox gateway on real PostgreSQL: every gateway outcome, exactly once
 * under concurrency and crashes, reconciliation, pending payments and the late fee, the pay pages' input
 * checks and who may use them.
 */
class PaymentsIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	PaymentFixtures fixtures;

	@Autowired
	BillingFixtures billingFixtures;

	@Autowired
	Payments payments;

	@Autowired
	PaymentRepository repository;

	@Autowired
	PaymentMethodRepository methodRepository;

	@Autowired
	PaymentGateway gateway;

	@Autowired
	BillingManagement billing;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void anApprovedCardSettlesAtOncePostsToTheLedgerAndEmailsAReceipt() throws Exception {
		OwnedAccount owned = fixtures.billedAccount();
		PaymentMethod card = fixtures.savedCard(mvc, owned, PaymentFixtures.APPROVED);
		Money before = billing.balance(owned.account().id());

		Payment payment = payments.pay(PaymentFixtures.request(owned, card, Money.usd("25.00")));

		assertThat(payment.status()).isEqualTo(PaymentStatus.SETTLED);
		assertThat(payment.receiptNumber()).matches("R\\d{6}-[0-9A-Z]{8}");
		assertThat(payment.brand()).isEqualTo("visa");
		assertThat(payment.last4()).isEqualTo("4242");
		assertThat(billing.balance(owned.account().id())).isEqualTo(before.minus(Money.usd("25.00")));
		assertThat(paymentEntries(owned, payment)).hasSize(1);
		assertThat(chargesFor(payment)).isEqualTo(1);
		assertThat(payments.history(owned.account().id())).extracting(Payment::receiptNumber)
			.containsExactly(payment.receiptNumber());

		MimeMessage receipt = awaitMailTo(owned, "Payment received");
		String text = TestMail.part(receipt, "text/plain");
		assertThat(text).contains(payment.receiptNumber()).contains("$25.00").contains("Visa ending in 4242");
	}

	@Test
	void declinedCardsFailWithTheirReasonAndMoveNoMoney() throws Exception {
		OwnedAccount owned = fixtures.billedAccount();
		Money before = billing.balance(owned.account().id());
		for (String[] card : new String[][] { { PaymentFixtures.INSUFFICIENT_FUNDS, "INSUFFICIENT_FUNDS" },
				{ PaymentFixtures.EXPIRED, "EXPIRED_CARD" }, { PaymentFixtures.DECLINED, "GENERIC" } }) {
			PaymentMethod method = fixtures.savedCard(mvc, owned, card[0]);
			Payment payment = payments.pay(PaymentFixtures.request(owned, method, Money.usd("30.00")));
			assertThat(payment.status()).as(card[0]).isEqualTo(PaymentStatus.FAILED);
			assertThat(payment.failureReason()).as(card[0]).isEqualTo(card[1]);
			assertThat(paymentEntries(owned, payment)).isEmpty();
		}
		assertThat(billing.balance(owned.account().id())).isEqualTo(before);
		assertThat(payments.pending(owned.account().id()).isZero()).isTrue();
		awaitMailTo(owned, "didn’t go through");
	}

	@Test
	void aCardThatFailsLaterStaysProcessingThenFailsWhenReconciled() throws Exception {
		TestClock.fixAt(ZonedDateTime.of(2026, 11, 2, 10, 0, 0, 0, ZONE));
		OwnedAccount owned = fixtures.billedAccount();
		PaymentMethod card = fixtures.savedCard(mvc, owned, PaymentFixtures.FAILS_LATER);

		Payment payment = payments.pay(PaymentFixtures.request(owned, card, Money.usd("40.00")));
		assertThat(payment.status()).isEqualTo(PaymentStatus.PROCESSING);
		assertThat(payments.pending(owned.account().id())).isEqualTo(Money.usd("40.00"));

		// not due a look yet: nothing changes
		payments.reconcile();
		assertThat(payments.receipt(owned.account().id(), payment.receiptNumber()).orElseThrow().status())
			.isEqualTo(PaymentStatus.PROCESSING);

		TestClock.fixAt(ZonedDateTime.of(2026, 11, 2, 10, 5, 0, 0, ZONE));
		payments.reconcile();
		Payment after = payments.receipt(owned.account().id(), payment.receiptNumber()).orElseThrow();
		assertThat(after.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(after.failureReason()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(paymentEntries(owned, payment)).isEmpty();
		assertThat(payments.pending(owned.account().id()).isZero()).isTrue();
	}

	@Test
	void aTimedOutChargeIsSettledByReconciliationWithoutChargingTwice() throws Exception {
		TestClock.fixAt(ZonedDateTime.of(2026, 11, 3, 10, 0, 0, 0, ZONE));
		OwnedAccount owned = fixtures.billedAccount();
		PaymentMethod card = fixtures.savedCard(mvc, owned, PaymentFixtures.TIMES_OUT);

		Payment payment = payments.pay(PaymentFixtures.request(owned, card, Money.usd("20.00")));
		assertThat(payment.status()).isEqualTo(PaymentStatus.PROCESSING);
		assertThat(paymentEntries(owned, payment)).isEmpty();

		TestClock.fixAt(ZonedDateTime.of(2026, 11, 3, 10, 3, 0, 0, ZONE));
		assertThat(payments.reconcile()).isGreaterThanOrEqualTo(1);
		Payment after = payments.receipt(owned.account().id(), payment.receiptNumber()).orElseThrow();
		assertThat(after.status()).isEqualTo(PaymentStatus.SETTLED);
		assertThat(chargesFor(payment)).isEqualTo(1);
		assertThat(paymentEntries(owned, payment)).hasSize(1);
		// the ledger counts it from the day it was submitted
		assertThat(paymentEntries(owned, payment).get(0).effectiveOn()).isEqualTo(LocalDate.of(2026, 11, 3));
	}

	@Test
	void aBankDebitProcessesThenSettlesAndAReturnedOneFails() throws Exception {
		TestClock.fixAt(ZonedDateTime.of(2026, 11, 4, 9, 0, 0, 0, ZONE));
		OwnedAccount owned = fixtures.billedAccount();
		PaymentMethod good = fixtures.savedBankAccount(mvc, owned, PaymentFixtures.BANK_OK);
		PaymentMethod returned = fixtures.savedBankAccount(mvc, owned, PaymentFixtures.BANK_RETURNED);
		assertThat(good.bankName()).isEqualTo("Sandbox Test Bank");
		assertThat(good.last4()).isEqualTo("6789");

		Payment settles = payments.pay(PaymentFixtures.request(owned, good, Money.usd("15.00")));
		Payment fails = payments.pay(PaymentFixtures.request(owned, returned, Money.usd("16.00")));
		assertThat(settles.status()).isEqualTo(PaymentStatus.PROCESSING);
		assertThat(fails.status()).isEqualTo(PaymentStatus.PROCESSING);
		assertThat(payments.pending(owned.account().id())).isEqualTo(Money.usd("31.00"));

		TestClock.fixAt(ZonedDateTime.of(2026, 11, 4, 9, 3, 0, 0, ZONE));
		payments.reconcile();
		assertThat(payments.receipt(owned.account().id(), settles.receiptNumber()).orElseThrow().status())
			.isEqualTo(PaymentStatus.SETTLED);
		Payment failed = payments.receipt(owned.account().id(), fails.receiptNumber()).orElseThrow();
		assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(failed.failureReason()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(paymentEntries(owned, settles)).hasSize(1);
		assertThat(paymentEntries(owned, fails)).isEmpty();
	}

	@Test
	void twoHundredSubmissionsOfTheSameFormAtOnceChargeOnce() throws Exception {
		OwnedAccount owned = fixtures.billedAccount();
		PaymentMethod card = fixtures.savedCard(mvc, owned, PaymentFixtures.APPROVED);
		PaymentRequest request = PaymentFixtures.request(owned, card, Money.usd("12.34"));
		ExecutorService pool = Executors.newFixedThreadPool(16);
		var start = new CountDownLatch(1);
		var results = new ArrayList<Future<Payment>>();
		try {
			for (int i = 0; i < 200; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return payments.pay(request);
				}));
			}
			start.countDown();
			var receipts = new java.util.HashSet<String>();
			for (Future<Payment> result : results) {
				receipts.add(result.get().receiptNumber());
			}
			assertThat(receipts).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		Payment payment = payments.history(owned.account().id()).get(0);
		assertThat(payments.history(owned.account().id())).hasSize(1);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SETTLED);
		assertThat(chargesFor(payment)).isEqualTo(1);
		assertThat(paymentEntries(owned, payment)).hasSize(1);
	}

	@Test
	void aCrashBetweenTheGatewaysAnswerAndTheCommitIsReconciledWithOneCharge() throws Exception {
		TestClock.fixAt(ZonedDateTime.of(2026, 11, 5, 14, 0, 0, 0, ZONE));
		OwnedAccount owned = fixtures.billedAccount();
		PaymentMethod card = fixtures.savedCard(mvc, owned, PaymentFixtures.APPROVED);
		var reference = methodRepository.find(owned.account().id(), card.id()).orElseThrow().reference();
		String key = PaymentFixtures.newKey();
		var id = PaymentId.random();
		String receipt = Payments.receiptNumber(LocalDate.of(2026, 11, 5));
		var now = ZonedDateTime.of(2026, 11, 5, 14, 0, 0, 0, ZONE).toInstant();
		// what pay() does up to the charge: the row, then the gateway charges it...
		assertThat(repository.insert(new PaymentRepository.NewPayment(id, owned.account().id(), receipt, key,
				Money.usd("33.00"), card.id(), PaymentMethodKind.CARD, "visa", "4242", gateway.name(), reference.customer(),
				reference.method(), false, owned.owner().id(), now, LocalDate.of(2026, 11, 5), now.plusSeconds(120))))
			.isTrue();
		gateway.charge(new ChargeRequest(key, reference, null, Money.usd("33.00"), "test", receipt));
		// ...and the node dies before it records the answer
		Payment stuck = repository.find(id).orElseThrow().payment();
		assertThat(stuck.status()).isEqualTo(PaymentStatus.PROCESSING);
		assertThat(paymentEntries(owned, stuck)).isEmpty();

		TestClock.fixAt(ZonedDateTime.of(2026, 11, 5, 14, 2, 30, 0, ZONE));
		payments.reconcile();
		payments.reconcile();
		Payment settled = repository.find(id).orElseThrow().payment();
		assertThat(settled.status()).isEqualTo(PaymentStatus.SETTLED);
		assertThat(chargesFor(settled)).isEqualTo(1);
		assertThat(paymentEntries(owned, settled)).hasSize(1);
	}

	@Test
	void aProcessingPaymentReducesTheAmountDueNowAndStopsTheLateFeeUntilItFails() throws Exception {
		// the January statement is due February 2; a bank payment of all of it goes in on February 1
		TestClock.fixAt(ZonedDateTime.of(2026, 2, 1, 12, 0, 0, 0, ZONE));
		OwnedAccount owned = fixtures.billedAccount();
		PaymentOptions before = payments.options(owned.account().id());
		assertThat(before.amountDueNow().minorUnits()).isPositive();
		assertThat(before.dueDate()).isEqualTo(LocalDate.of(2026, 2, 2));
		PaymentMethod bank = fixtures.savedBankAccount(mvc, owned, PaymentFixtures.BANK_RETURNED);

		Payment payment = payments.pay(PaymentFixtures.request(owned, bank, before.amountDueNow()));
		assertThat(payment.status()).isEqualTo(PaymentStatus.PROCESSING);
		PaymentOptions after = payments.options(owned.account().id());
		assertThat(after.amountDueNow().isZero()).isTrue();
		assertThat(after.pending()).isEqualTo(before.amountDueNow());

		// the day after the due date: still processing, so no late fee
		TestClock.fixAt(ZonedDateTime.of(2026, 2, 3, 12, 0, 0, 0, ZONE));
		billingFixtures.runThrough(owned.account().id(), LocalDate.of(2026, 2, 3));
		assertThat(lateFees(owned)).isZero();

		// the bank returns it: the next run charges the fee
		TestClock.fixAt(ZonedDateTime.of(2026, 2, 4, 12, 0, 0, 0, ZONE));
		payments.reconcile();
		assertThat(repository.find(payment.id()).orElseThrow().payment().status()).isEqualTo(PaymentStatus.FAILED);
		billingFixtures.runThrough(owned.account().id(), LocalDate.of(2026, 2, 4));
		assertThat(lateFees(owned)).isEqualTo(1);
	}

	@Test
	void refusesAmountsOutOfBoundsAndMethodsNotOnFileWithNothingRecorded() throws Exception {
		OwnedAccount owned = fixtures.billedAccount();
		OwnedAccount other = fixtures.billedAccount();
		PaymentMethod card = fixtures.savedCard(mvc, owned, PaymentFixtures.APPROVED);
		PaymentMethod theirs = fixtures.savedCard(mvc, other, PaymentFixtures.APPROVED);
		PaymentOptions options = payments.options(owned.account().id());

		assertThatThrownBy(() -> payments.pay(PaymentFixtures.request(owned, card, Money.usd("0.99"))))
			.isInstanceOfSatisfying(PaymentRejectedException.class,
					e -> assertThat(e.code()).isEqualTo("amount_below_minimum"));
		assertThatThrownBy(
				() -> payments.pay(PaymentFixtures.request(owned, card, options.maximum().plus(Money.usd("0.01")))))
			.isInstanceOfSatisfying(PaymentRejectedException.class,
					e -> assertThat(e.code()).isEqualTo("amount_above_maximum"));
		assertThatThrownBy(() -> payments.pay(PaymentFixtures.request(owned, theirs, Money.usd("5.00"))))
			.isInstanceOfSatisfying(PaymentRejectedException.class, e -> assertThat(e.code()).isEqualTo("method_missing"));
		assertThat(payments.history(owned.account().id())).isEmpty();
		assertThat(payments.history(other.account().id())).isEmpty();
		// exactly the maximum is fine
		assertThat(payments.pay(PaymentFixtures.request(owned, card, options.maximum())).status())
			.isEqualTo(PaymentStatus.SETTLED);
	}

	@Test
	void thePayPagesRefuseMalformedAmountsBesideTheFieldAndChargeNothing() throws Exception {
		OwnedAccount owned = fixtures.billedAccount();
		PaymentMethod card = fixtures.savedCard(mvc, owned, PaymentFixtures.APPROVED);
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		String[][] cases = { { "-5", "Enter an amount of at least" }, { "0", "Enter an amount of at least" },
				{ "0.50", "The smallest payment is $1.00." }, { "1000000", "The most you can pay now is" },
				{ "10.001", "Amounts can’t be smaller than a cent" }, { "ten dollars", "Enter an amount in dollars and cents" },
				{ "", "Enter an amount." }, { "1e3", "Enter an amount in dollars and cents" } };
		for (String[] amount : cases) {
			for (String path : List.of("/payments/pay/review", "/payments/pay")) {
				String page = body(mvc.perform(post(path).cookie(session).with(csrf())
					.param("key", PaymentFixtures.newKey())
					.param("amountChoice", "other")
					.param("otherAmount", amount[0])
					.param("method", card.id().toString())).andReturn().getResponse().getContentAsByteArray());
				assertThat(page).as(path + " " + amount[0]).contains("id=\"amount-error\"").contains(amount[1]);
			}
		}
		assertThat(payments.history(owned.account().id())).isEmpty();
	}

	@Test
	void reviewThenConfirmPaysOnceHoweverOftenTheConfirmationIsSent() throws Exception {
		OwnedAccount owned = fixtures.billedAccount();
		PaymentMethod card = fixtures.savedCard(mvc, owned, PaymentFixtures.APPROVED);
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);

		String form = body(mvc.perform(get("/payments/pay").cookie(session)).andReturn().getResponse()
			.getContentAsByteArray());
		assertThat(form).contains("Amount due now").contains("Visa ending in 4242");
		// its January statement is long past its due date
		PaymentOptions options = payments.options(owned.account().id());
		assertThat(options.isPastDue()).isTrue();
		assertThat(form).contains(options.pastDue().formatted() + " of your balance is past due");
		String key = form.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");

		String review = body(mvc.perform(post("/payments/pay/review").cookie(session).with(csrf())
			.param("key", key)
			.param("amountChoice", "other")
			.param("otherAmount", "$1,0.5")
			.param("method", card.id().toString())).andReturn().getResponse().getContentAsByteArray());
		assertThat(review).contains("id=\"amount-error\"");
		review = body(mvc.perform(post("/payments/pay/review").cookie(session).with(csrf())
			.param("key", key)
			.param("amountChoice", "other")
			.param("otherAmount", "$10.50")
			.param("method", card.id().toString())).andReturn().getResponse().getContentAsByteArray());
		assertThat(review).contains("Review your payment").contains("Pay $10.50");
		assertThat(payments.history(owned.account().id())).isEmpty();

		String first = null;
		for (int i = 0; i < 3; i++) {
			var confirmed = mvc.perform(post("/payments/pay").cookie(session).with(csrf())
				.param("key", key)
				.param("amountChoice", "other")
				.param("otherAmount", "10.50")
				.param("method", card.id().toString())).andReturn().getResponse();
			assertThat(confirmed.getRedirectedUrl()).startsWith("/payments/receipts/R");
			if (first == null) {
				first = confirmed.getRedirectedUrl();
			}
			assertThat(confirmed.getRedirectedUrl()).isEqualTo(first);
		}
		assertThat(payments.history(owned.account().id())).hasSize(1);
		String receipt = body(mvc.perform(get(first).cookie(session)).andReturn().getResponse().getContentAsByteArray());
		assertThat(receipt).contains("Thank you, your payment is received").contains("$10.50").contains("Visa ending in 4242");
		String history = body(mvc.perform(get("/payments/history").cookie(session)).andReturn().getResponse()
			.getContentAsByteArray());
		assertThat(history).contains(first.substring("/payments/receipts/".length())).contains("Received");
	}

	@Test
	void aCardForThisPaymentOnlyIsChargedByTokenAndNotKeptOnFile() throws Exception {
		OwnedAccount owned = fixtures.billedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		String token = PaymentFixtures.cardToken(mvc, "5555555555554444");

		var confirmed = mvc.perform(post("/payments/pay").cookie(session).with(csrf())
			.param("key", PaymentFixtures.newKey())
			.param("amountChoice", "other")
			.param("otherAmount", "11.00")
			.param("method", "new-card")
			.param("token", token)).andReturn().getResponse();
		assertThat(confirmed.getRedirectedUrl()).startsWith("/payments/receipts/R");
		Payment payment = payments.history(owned.account().id()).get(0);
		assertThat(payment.status()).isEqualTo(PaymentStatus.SETTLED);
		assertThat(payment.brand()).isEqualTo("mastercard");
		assertThat(payment.last4()).isEqualTo("4444");
		assertThat(jdbc.sql("select count(*) from payments.payment_method where account_id = :a")
			.param("a", owned.account().id().value())
			.query(Long.class)
			.single()).isZero();

		// the same token again (a replayed or tampered form with a new key): refused, nothing charged
		String refused = body(mvc.perform(post("/payments/pay").cookie(session).with(csrf())
			.param("key", PaymentFixtures.newKey())
			.param("amountChoice", "other")
			.param("otherAmount", "11.00")
			.param("method", "new-card")
			.param("token", token)).andReturn().getResponse().getContentAsByteArray());
		assertThat(refused).contains("The card details expired or were already used");
		String forged = body(mvc.perform(post("/payments/pay").cookie(session).with(csrf())
			.param("key", PaymentFixtures.newKey())
			.param("amountChoice", "other")
			.param("otherAmount", "11.00")
			.param("method", "new-card")
			.param("token", "tok_sbx_forged0000000000000000")).andReturn().getResponse().getContentAsByteArray());
		assertThat(forged).contains("The card details expired or were already used");
		assertThat(payments.history(owned.account().id())).hasSize(1);
	}

	@Test
	void ownersAndManagersPayEveryRoleReadsTheHistoryAndNobodyElseSeesAnything() throws Exception {
		var matrix = AuthorizationMatrix.with(mvc, accounts);
		matrix.verify(account -> get("/payments/pay"), AuthorizationMatrix.all(OWNER, MANAGER));
		matrix.verify(account -> post("/payments/pay/review").with(csrf())
			.param("key", PaymentFixtures.newKey())
			.param("amountChoice", "other")
			.param("otherAmount", "5.00")
			.param("method", "new-card"), AuthorizationMatrix.all(OWNER, MANAGER));
		matrix.verify(account -> post("/payments/pay").with(csrf())
			.param("key", PaymentFixtures.newKey())
			.param("amountChoice", "other")
			.param("otherAmount", "5.00")
			.param("method", "new-card"), AuthorizationMatrix.all(OWNER, MANAGER));
		matrix.verify(account -> post("/payments/pay/edit").with(csrf()).param("key", PaymentFixtures.newKey()),
				AuthorizationMatrix.all(OWNER, MANAGER));
		matrix.verify(account -> get("/payments/history"), AuthorizationMatrix.all(OWNER, MANAGER, VIEWER));

		// a receipt is found through the account it belongs to only
		OwnedAccount mine = fixtures.billedAccount();
		OwnedAccount theirs = fixtures.billedAccount();
		Payment paid = payments.pay(PaymentFixtures.request(theirs,
				fixtures.savedCard(mvc, theirs, PaymentFixtures.APPROVED), Money.usd("5.00")));
		Cookie session = AuthorizationMatrix.signIn(mvc, mine.owner().email().value(), AccountFixtures.SECRET);
		assertThat(mvc.perform(get("/payments/receipts/" + paid.receiptNumber()).cookie(session)).andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/payments/receipts/not-a-receipt").cookie(session)).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		Cookie theirSession = AuthorizationMatrix.signIn(mvc, theirs.owner().email().value(), AccountFixtures.SECRET);
		assertThat(mvc.perform(get("/payments/receipts/" + paid.receiptNumber()).cookie(theirSession)).andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		// another account's payment form key is refused, not answered with their receipt
		String key = jdbc.sql("select idempotency_key from payments.payment where id = :id")
			.param("id", paid.id().value())
			.query(String.class)
			.single();
		var replayed = mvc.perform(post("/payments/pay").cookie(session).with(csrf())
			.param("key", key)
			.param("amountChoice", "other")
			.param("otherAmount", "5.00")
			.param("method", "new-card")
			.param("token", PaymentFixtures.cardToken(mvc, PaymentFixtures.APPROVED))).andReturn().getResponse();
		assertThat(replayed.getRedirectedUrl()).isNull();
		assertThat(body(replayed.getContentAsByteArray())).doesNotContain(paid.receiptNumber())
			.contains("This payment form has expired");
	}

	private List<LedgerEntry> paymentEntries(OwnedAccount owned, Payment payment) {
		return billing.ledger(owned.account().id())
			.stream()
			.filter(entry -> entry.type() == LedgerEntryType.PAYMENT)
			.filter(entry -> entry.description().en().contains(payment.receiptNumber()))
			.toList();
	}

	private long lateFees(OwnedAccount owned) {
		return billing.ledger(owned.account().id()).stream().filter(e -> e.type() == LedgerEntryType.LATE_FEE).count();
	}

	private long chargesFor(Payment payment) {
		return jdbc.sql("select count(*) from payments.sandbox_charge where payment_reference = :receipt")
			.param("receipt", payment.receiptNumber())
			.query(Long.class)
			.single();
	}

	private static MimeMessage awaitMailTo(OwnedAccount owned, String subject) {
		return TestMail.awaitReceivedBy(owned.owner().email().value(), subject, 1).get(0);
	}

	private static String body(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}
}
