package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AccountFixtures.OwnedAccount;
import org.portico.IntegrationTestSupport;
import org.portico.TestMail;
import org.portico.billing.BillingManagement;
import org.portico.billing.LedgerEntry;
import org.portico.billing.LedgerEntryType;
import org.portico.customer.ServiceAccount;
import org.portico.payments.RefundRefusedException.Reason;
import org.portico.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Refunds of settled payments, through the service and the operator command (its runner called with real
 * arguments against the shared application): the gateway refunds, the ledger gets a REFUND entry, the
 * payment records what was refunded, the holder is told; what cannot be refunded is refused with nothing
 * moved; the same command run twice refunds once.
 */
class RefundIntegrationTests extends IntegrationTestSupport {

	@Autowired
	AccountFixtures accounts;

	@Autowired
	PaymentFixtures paymentFixtures;

	@Autowired
	Payments payments;

	@Autowired
	Refunds refunds;

	@Autowired
	RefundCommand command;

	@Autowired
	BillingManagement billing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void refundsAPaymentInFullThroughTheCommand() throws Exception {
		OwnedAccount owned = accounts.ownedAccount();
		ServiceAccount account = owned.account();
		String receipt = settled(owned, "75.00");
		assertThat(billing.balance(account.id())).isEqualTo(Money.usd("-75.00"));

		Run run = command("refund", "--receipt=" + receipt, "--reason=Paid the wrong account", "--operator=ana");

		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("Refunded $75.00 of receipt " + receipt)
			.contains("payment REFUNDED, $75.00 of $75.00 refunded");
		assertThat(payment(receipt)).isEqualTo("REFUNDED 7500");
		List<LedgerEntry> ledger = billing.ledger(account.id());
		assertThat(ledger.get(ledger.size() - 1)).satisfies(entry -> {
			assertThat(entry.type()).isEqualTo(LedgerEntryType.REFUND);
			assertThat(entry.amount()).isEqualTo(Money.usd("75.00"));
			assertThat(entry.description().en()).isEqualTo("Refund of payment " + receipt);
		});
		assertThat(billing.balance(account.id())).isEqualTo(Money.usd("0.00"));
		assertThat(gatewayRefunded(receipt)).isEqualTo(7500);
		String text = TestMail.part(awaitMail(account, "We refunded your payment"), "text/plain");
		assertThat(text).contains("We refunded $75.00 of your payment with receipt number " + receipt + ".")
			.contains("card ending in 4242");
	}

	@Test
	void refundsPartOfAPaymentAndLaterTheRest() throws Exception {
		OwnedAccount owned = accounts.ownedAccount();
		ServiceAccount account = owned.account();
		String receipt = settled(owned, "100.00");

		Refund part = refunds.refund(receipt, Optional.of(Money.usd("12.34")), "Outage credit by card", "ana");

		assertThat(part.amount()).isEqualTo(Money.usd("12.34"));
		assertThat(part.paymentStatus()).isEqualTo(PaymentStatus.SETTLED);
		assertThat(payment(receipt)).isEqualTo("SETTLED 1234");
		assertThat(billing.balance(account.id())).isEqualTo(Money.usd("-87.66"));

		Run rest = command("refund", "--receipt=" + receipt, "--reason=Customer moved away", "--operator=ben");

		assertThat(rest.code()).as(rest.err()).isZero();
		assertThat(rest.out()).contains("Refunded $87.66").contains("payment REFUNDED, $100.00 of $100.00 refunded");
		assertThat(billing.balance(account.id())).isEqualTo(Money.usd("0.00"));
		assertThat(billing.ledger(account.id()).stream().filter(entry -> entry.type() == LedgerEntryType.REFUND))
			.extracting(entry -> entry.amount().amount().toPlainString())
			.containsExactly("12.34", "87.66");
		assertThat(gatewayRefunded(receipt)).isEqualTo(10000);
		await().atMost(Duration.ofSeconds(20)).until(() -> mails(account, "We refunded your payment").size() == 2);
	}

	@Test
	void runningTheSameRefundAgainRefundsOnce() throws Exception {
		OwnedAccount owned = accounts.ownedAccount();
		ServiceAccount account = owned.account();
		String receipt = settled(owned, "60.00");
		String[] args = { "refund", "--receipt=" + receipt, "--amount=10.00", "--reason=Late fee waived",
				"--operator=ana" };

		Run first = command(args);
		Run again = command(args);

		assertThat(first.code()).as(first.err()).isZero();
		assertThat(again.code()).as(again.err()).isZero();
		assertThat(again.out()).startsWith("Already refunded $10.00 of receipt " + receipt)
			.contains("nothing moved this time");
		assertThat(payment(receipt)).isEqualTo("SETTLED 1000");
		assertThat(gatewayRefunded(receipt)).isEqualTo(1000);
		assertThat(billing.balance(account.id())).isEqualTo(Money.usd("-50.00"));
		assertThat(refundRows(receipt)).isEqualTo(1);

		// the same reason for another amount is refused rather than taken for a repeat
		Run other = command("refund", "--receipt=" + receipt, "--amount=5.00", "--reason=Late fee waived",
				"--operator=ana");
		assertThat(other.code()).isEqualTo(1);
		assertThat(other.err()).contains("already had a refund of $10.00 for this reason");
	}

	@Test
	void refusesToRefundMoreThanIsLeft() throws Exception {
		OwnedAccount owned = accounts.ownedAccount();
		ServiceAccount account = owned.account();
		String receipt = settled(owned, "40.00");
		refunds.refund(receipt, Optional.of(Money.usd("30.00")), "Partial goodwill", "ana");

		Run run = command("refund", "--receipt=" + receipt, "--amount=10.01", "--reason=More goodwill",
				"--operator=ana");

		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err()).isEqualTo("Refund refused: At most $10.00 of payment " + receipt
				+ " can be refunded, not $10.01. Nothing was refunded." + System.lineSeparator());
		assertThat(run.out()).isEmpty();
		assertThat(payment(receipt)).isEqualTo("SETTLED 3000");
		assertThat(gatewayRefunded(receipt)).isEqualTo(3000);
		assertThat(billing.balance(account.id())).isEqualTo(Money.usd("-10.00"));

		refunds.refund(receipt, Optional.empty(), "The rest", "ana");
		assertThatThrownBy(() -> refunds.refund(receipt, Optional.empty(), "Once more", "ana"))
			.isInstanceOfSatisfying(RefundRefusedException.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.FULLY_REFUNDED));
	}

	@Test
	void refusesPaymentsThatAreNotSettled() throws Exception {
		OwnedAccount owned = accounts.ownedAccount();
		ServiceAccount account = owned.account();
		String processing = payments.pay(PaymentFixtures.request(owned,
				paymentFixtures.savedBankAccount(mvc, owned, PaymentFixtures.BANK_OK), Money.usd("25.00")))
			.receiptNumber();
		String failed = payments.pay(PaymentFixtures.request(owned,
				paymentFixtures.savedCard(mvc, owned, PaymentFixtures.DECLINED), Money.usd("25.00")))
			.receiptNumber();

		for (String receipt : List.of(processing, failed)) {
			Run run = command("refund", "--receipt=" + receipt, "--reason=Asked for it", "--operator=ana");
			assertThat(run.code()).as(receipt).isEqualTo(1);
			assertThat(run.err()).as(receipt).contains("not settled: there is nothing to refund");
		}
		assertThat(payment(processing)).isEqualTo("PROCESSING 0");
		assertThat(payment(failed)).isEqualTo("FAILED 0");
		assertThat(billing.ledger(account.id())).isEmpty();
	}

	@Test
	void explainsAnUnknownReceiptAndWrongArguments() throws Exception {
		Run unknown = command("refund", "--receipt=NO-SUCH-RECEIPT", "--reason=x", "--operator=ana");
		assertThat(unknown.code()).isEqualTo(1);
		assertThat(unknown.err()).contains("No payment has receipt number NO-SUCH-RECEIPT");

		Run wrong = command("refund", "--receipt=P-1", "--amount=12.345", "--reason=x", "--operator=ana");
		assertThat(wrong.code()).isEqualTo(1);
		assertThat(wrong.err()).contains("--amount is an amount like 12.34").contains(RefundCommand.USAGE);
	}

	// ---- helpers -------------------------------------------------------------------------------

	record Run(int code, String out, String err) {
	}

	private Run command(String... args) {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int code = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** A card payment charged at the sandbox and settled; returns its receipt number. */
	private String settled(OwnedAccount owned, String amount) throws Exception {
		Payment payment = payments.pay(PaymentFixtures.request(owned,
				paymentFixtures.savedCard(mvc, owned, PaymentFixtures.APPROVED), Money.usd(amount)));
		assertThat(payment.status()).isEqualTo(PaymentStatus.SETTLED);
		return payment.receiptNumber();
	}

	private String payment(String receipt) {
		return jdbc.sql("select status || ' ' || refunded_minor from payments.payment where receipt_number = :receipt")
			.param("receipt", receipt)
			.query(String.class)
			.single();
	}

	private long refundRows(String receipt) {
		return jdbc.sql("""
				select count(*) from payments.refund r join payments.payment p on p.id = r.payment_id
				where p.receipt_number = :receipt""")
			.param("receipt", receipt)
			.query(Long.class)
			.single();
	}

	/** What the sandbox gateway itself has refunded of the payment's charge. */
	private long gatewayRefunded(String receipt) {
		return jdbc.sql("""
				select c.refunded_minor from payments.sandbox_charge c
				join payments.payment p on p.gateway_reference = c.reference where p.receipt_number = :receipt""")
			.param("receipt", receipt)
			.query(Long.class)
			.single();
	}

	private static MimeMessage awaitMail(ServiceAccount account, String subject) {
		return TestMail.awaitReceivedBy(account.holder().email().value(), subject, 1).get(0);
	}

	private static List<MimeMessage> mails(ServiceAccount account, String subject) {
		return TestMail.receivedBy(account.holder().email().value(), subject);
	}
}
