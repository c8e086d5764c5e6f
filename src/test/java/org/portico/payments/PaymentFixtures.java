package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portico.billing.BillingManagement;
import org.portico.catalog.LocalizedText;
import org.portico.customer.ServiceAccountId;
import org.portico.payments.integration.ChargeOutcome;
import org.portico.payments.integration.ChargeRequest;
import org.portico.payments.integration.PaymentGateway;
import org.portico.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments in the states dunning and refunds care about. A settled payment is charged for real at the
 * sandbox gateway (a card tokenised through its hosted-fields endpoint) and posted to the ledger as a
 * settlement would be; processing and failed ones are rows only (no money moved).
 */
@Component
public class PaymentFixtures {

	private static final Pattern TOKEN = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private final PaymentGateway gateway;

	private final BillingManagement billing;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PaymentFixtures(PaymentGateway gateway, BillingManagement billing, JdbcClient jdbc,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.gateway = gateway;
		this.billing = billing;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** A card payment charged at the sandbox, settled and posted on {@code on}; returns its receipt number. */
	public String settledCardPayment(MockMvc mvc, ServiceAccountId account, Money amount, LocalDate on)
			throws Exception {
		String token = cardToken(mvc, "4242424242424242");
		String receipt = receiptNumber();
		UUID id = UUID.randomUUID();
		ChargeOutcome outcome = gateway.charge(new ChargeRequest("pay-" + id, null, token, amount, "Riverbend", receipt));
		assertThat(outcome.status()).isEqualTo(ChargeOutcome.Status.SUCCEEDED);
		transactions.executeWithoutResult(status -> {
			insert(id, account, receipt, amount, on, PaymentStatus.SETTLED, outcome.chargeReference());
			billing.recordPayment(account, amount, on, "payment:" + id,
					LocalizedText.of("Payment, thank you", "Pago, gracias"));
			events.publishEvent(new PaymentSettled(new PaymentId(id), account, receipt, amount, on, null,
					PaymentMethodKind.CARD, outcome.brand(), outcome.last4()));
		});
		return receipt;
	}

	/** A payment submitted on {@code on} that the gateway has not settled yet. */
	public String processingPayment(ServiceAccountId account, Money amount, LocalDate on) {
		String receipt = receiptNumber();
		insert(UUID.randomUUID(), account, receipt, amount, on, PaymentStatus.PROCESSING, "ch_sbx_pending_" + receipt);
		return receipt;
	}

	/** A payment the gateway declined. */
	public String failedPayment(ServiceAccountId account, Money amount, LocalDate on) {
		String receipt = receiptNumber();
		insert(UUID.randomUUID(), account, receipt, amount, on, PaymentStatus.FAILED, "ch_sbx_failed_" + receipt);
		return receipt;
	}

	/** The processing payment with this receipt number failed after all. */
	public void fail(String receipt) {
		jdbc.sql("update payments.payment set status = 'FAILED', failed_at = now() where receipt_number = :receipt")
			.param("receipt", receipt)
			.update();
	}

	/**
	 * A payment received and posted to the ledger by another channel (a lockbox, a payment agent) without
	 * a payment row: nothing announces it, as with a payment made through a channel Portico does not see.
	 */
	public void paidElsewhere(ServiceAccountId account, Money amount, LocalDate on) {
		billing.recordPayment(account, amount, on, "elsewhere:" + UUID.randomUUID(),
				LocalizedText.of("Payment, thank you", "Pago, gracias"));
	}

	private void insert(UUID id, ServiceAccountId account, String receipt, Money amount, LocalDate on,
			PaymentStatus status, String gatewayReference) {
		jdbc.sql("""
				insert into payments.payment (id, account_id, receipt_number, idempotency_key, amount_minor, currency,
				  method_kind, method_brand, method_last4, gateway, gateway_reference, status, submitted_at, submitted_on,
				  settled_at)
				values (:id, :account, :receipt, :key, :amount, :currency, 'CARD', 'visa', '4242', :gateway, :reference,
				  :status, :now, :on, :settledAt)""")
			.param("id", id)
			.param("account", account.value())
			.param("receipt", receipt)
			.param("key", "fixture-" + id)
			.param("amount", amount.minorUnits())
			.param("currency", amount.currency().getCurrencyCode())
			.param("gateway", gateway.name())
			.param("reference", gatewayReference)
			.param("status", status.name())
			.param("now", Timestamp.from(clock.instant()))
			.param("on", on)
			.param("settledAt", status == PaymentStatus.SETTLED ? Timestamp.from(clock.instant()) : null)
			.update();
	}

	private static String cardToken(MockMvc mvc, String number) throws Exception {
		String body = mvc.perform(post("/sandbox-gateway/v1/tokens").header("Authorization", "Bearer pk_sandbox_portico")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"type": "card", "number": "%s", "expMonth": 12, "expYear": 2035, "cvc": "123", "postalCode": "19103"}
					""".formatted(number)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher token = TOKEN.matcher(body);
		assertThat(token.find()).as(body).isTrue();
		return token.group(1);
	}

	private static String receiptNumber() {
		return "T-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
	}
}
