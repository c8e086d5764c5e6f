package org.portico.payments.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portico.payments.PaymentMethodKind;
import org.portico.payments.integration.ChargeOutcome.DeclineReason;
import org.portico.payments.integration.ChargeOutcome.Status;
import org.portico.shared.Money;
import org.slf4j.LoggerFactory;

/**
 * The Stripe adapter against a WireMock double of Stripe's API, shaped as Stripe documents it: form-encoded
 * requests with {@code a[b]=c} nesting, bearer authentication with the secret key, {@code Idempotency-Key}
 * on requests that create or move money, JSON objects back, errors as
 * {@code {“error”: {“type”, “code”, “decline_code”, “message”, “payment_intent”, …}}}.
 */
class StripeGatewayTests {

	private static final String SECRET = "sk_test_51PorticoSecretKeyThatMustNeverLeak0123456789";

	private static final String PUBLISHABLE = "pk_test_51PorticoPublishableKey";

	private static final GatewayMethod.Reference SAVED = new GatewayMethod.Reference("cus_PqR5tUv", "pm_1Saved4242");

	@RegisterExtension
	static WireMockExtension stripe = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static StripeGateway gateway(String apiBase) {
		return new StripeGateway(new StripeProperties(URI.create(apiBase), SECRET, PUBLISHABLE, Duration.ofSeconds(1),
				Duration.ofSeconds(1)));
	}

	private static StripeGateway gateway() {
		return gateway(stripe.baseUrl());
	}

	private static ChargeRequest savedCharge(String key) {
		return new ChargeRequest(key, SAVED, null, Money.usd("89.99"), "RIVERBEND 100234567", "R-2026-000123");
	}

	private static ChargeRequest tokenCharge(String token) {
		return new ChargeRequest("pay-9f1c", null, token, Money.usd("25.00"), "RIVERBEND 100234567", "R-2026-000124");
	}

	private static MappingBuilder json(MappingBuilder request, int status, String body) {
		return request.willReturn(
				aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body));
	}

	/** Authenticated with the secret key as Stripe's bearer token, on the pinned API version. */
	private static RequestPatternBuilder authenticated(RequestPatternBuilder request) {
		return request.withHeader("Authorization", equalTo("Bearer " + SECRET))
			.withHeader("Stripe-Version", equalTo(StripeGateway.API_VERSION));
	}

	private static RequestPatternBuilder form(RequestPatternBuilder request) {
		return authenticated(request).withHeader("Content-Type", containing("application/x-www-form-urlencoded"));
	}

	private static String intent(String id, String status, String lastPaymentError, String latestCharge) {
		return """
				{"id": "%s", "object": "payment_intent", "amount": 8999, "amount_received": 0, "currency": "usd",
				 "customer": "cus_PqR5tUv", "description": "RIVERBEND 100234567", "payment_method": "pm_1Saved4242",
				 "payment_method_types": ["card", "us_bank_account"], "status": "%s", "livemode": false,
				 "metadata": {"portico_receipt": "R-2026-000123"},
				 "last_payment_error": %s, "latest_charge": %s}
				""".formatted(id, status, lastPaymentError, latestCharge);
	}

	private static String cardCharge(String status) {
		return """
				{"id": "ch_3Pq1", "object": "charge", "status": "%s", "paid": true,
				 "payment_method_details": {"type": "card", "card": {"brand": "visa", "last4": "4242",
				  "exp_month": 4, "exp_year": 2029, "funding": "credit", "country": "US"}}}
				""".formatted(status);
	}

	private static final String BANK_CHARGE = """
			{"id": "py_3Pq2", "object": "charge", "status": "pending", "paid": false,
			 "payment_method_details": {"type": "us_bank_account", "us_bank_account": {"account_holder_type":
			  "individual", "account_type": "checking", "bank_name": "STRIPE TEST BANK", "last4": "6789",
			  "routing_number": "110000000"}}}
			""";

	// charge

	@Test
	void chargesASavedCardOffSessionWithTheKeyAndReadsTheCard() {
		stripe.stubFor(json(post("/v1/payment_intents"), 200,
				intent("pi_3PqSucc", "succeeded", "null", cardCharge("succeeded"))));

		ChargeOutcome outcome = gateway().charge(savedCharge("portico-pay-0001"));

		assertThat(outcome).isEqualTo(new ChargeOutcome("pi_3PqSucc", Status.SUCCEEDED, null, "4242", "visa"));
		stripe.verify(1, form(postRequestedFor(urlEqualTo("/v1/payment_intents")))
			.withHeader("Idempotency-Key", equalTo("portico-pay-0001"))
			.withFormParam("amount", equalTo("8999"))
			.withFormParam("currency", equalTo("usd"))
			.withFormParam("confirm", equalTo("true"))
			.withFormParam("customer", equalTo("cus_PqR5tUv"))
			.withFormParam("payment_method", equalTo("pm_1Saved4242"))
			.withFormParam("off_session", equalTo("true"))
			.withFormParam("payment_method_types[0]", equalTo("card"))
			.withFormParam("payment_method_types[1]", equalTo("us_bank_account"))
			.withFormParam("description", equalTo("RIVERBEND 100234567"))
			.withFormParam("metadata[portico_receipt]", equalTo("R-2026-000123"))
			.withFormParam("expand[0]", equalTo("latest_charge"))
			.withFormParam("payment_method_data[type]", absent()));
	}

	@Test
	void chargesAOneTimePaymentMethodFromStripeJsOnSession() {
		stripe.stubFor(json(post("/v1/payment_intents"), 200,
				intent("pi_3PqOnce", "succeeded", "null", cardCharge("succeeded"))));

		ChargeOutcome outcome = gateway().charge(tokenCharge("pm_1OneTime"));

		assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
		assertThat(outcome.last4()).isEqualTo("4242");
		stripe.verify(form(postRequestedFor(urlEqualTo("/v1/payment_intents")))
			.withHeader("Idempotency-Key", equalTo("pay-9f1c"))
			.withFormParam("amount", equalTo("2500"))
			.withFormParam("payment_method", equalTo("pm_1OneTime"))
			.withFormParam("error_on_requires_action", equalTo("true"))
			.withFormParam("customer", absent())
			.withFormParam("off_session", absent()));
	}

	@Test
	void chargesALegacyCardTokenThroughPaymentMethodData() {
		stripe.stubFor(json(post("/v1/payment_intents"), 200,
				intent("pi_3PqTok", "succeeded", "null", cardCharge("succeeded"))));

		ChargeOutcome outcome = gateway().charge(tokenCharge("tok_1Legacy"));

		assertThat(outcome).isEqualTo(new ChargeOutcome("pi_3PqTok", Status.SUCCEEDED, null, "4242", "visa"));
		stripe.verify(form(postRequestedFor(urlEqualTo("/v1/payment_intents")))
			.withFormParam("payment_method_data[type]", equalTo("card"))
			.withFormParam("payment_method_data[card][token]", equalTo("tok_1Legacy"))
			.withFormParam("payment_method", absent())
			.withFormParam("customer", absent()));
	}

	@Test
	void aBankDebitIsProcessingWithTheAccountsLastFour() {
		stripe.stubFor(json(post("/v1/payment_intents"), 200, intent("pi_3PqAch", "processing", "null", BANK_CHARGE)));

		ChargeOutcome outcome = gateway().charge(savedCharge("portico-pay-0002"));

		assertThat(outcome).isEqualTo(new ChargeOutcome("pi_3PqAch", Status.PROCESSING, null, "6789", null));
	}

	@ParameterizedTest
	@CsvSource({ "card_declined, '\"insufficient_funds\"', 9995, INSUFFICIENT_FUNDS",
			"expired_card, null, 0069, EXPIRED_CARD", "incorrect_cvc, null, 0127, INCORRECT_CVC",
			"card_declined, '\"do_not_honor\"', 0002, GENERIC" })
	void aDeclinedCardIsA402CarryingThePaymentIntent(String code, String declineCode, String last4,
			DeclineReason reason) {
		stripe.stubFor(json(post("/v1/payment_intents"), 402, """
				{"error": {"type": "card_error", "code": "%s", "decline_code": %s, "charge": "ch_3PqDecl",
				  "message": "Your card was declined.", "doc_url": "https://stripe.com/docs/error-codes/%s",
				  "payment_method": {"id": "pm_1Saved4242", "object": "payment_method", "type": "card",
				   "card": {"brand": "visa", "last4": "%s", "exp_month": 4, "exp_year": 2029}},
				  "payment_intent": {"id": "pi_3PqDecl", "object": "payment_intent", "amount": 8999,
				   "currency": "usd", "status": "requires_payment_method", "latest_charge": "ch_3PqDecl",
				   "last_payment_error": {"type": "card_error", "code": "%s", "decline_code": %s}},
				  "request_log_url": "https://dashboard.stripe.com/test/logs/req_x"}}
				""".formatted(code, declineCode, code, last4, code, declineCode)));

		ChargeOutcome outcome = gateway().charge(savedCharge("portico-pay-0003"));

		assertThat(outcome).isEqualTo(new ChargeOutcome("pi_3PqDecl", Status.DECLINED, reason, last4, "visa"));
	}

	@Test
	void aPaymentIntentBackToRequiresPaymentMethodIsDeclined() {
		stripe.stubFor(json(post("/v1/payment_intents"), 200, intent("pi_3PqRpm", "requires_payment_method", """
				{"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
				 "message": "Your card has insufficient funds."}
				""", "\"ch_3PqRpm\"")));

		ChargeOutcome outcome = gateway().charge(savedCharge("portico-pay-0004"));

		assertThat(outcome)
			.isEqualTo(new ChargeOutcome("pi_3PqRpm", Status.DECLINED, DeclineReason.INSUFFICIENT_FUNDS, null, null));
	}

	@Test
	void anInvalidRequestIsRejectedWithStripesCode() {
		stripe.stubFor(json(post("/v1/payment_intents"), 400, """
				{"error": {"type": "invalid_request_error", "code": "amount_too_small", "param": "amount",
				  "message": "Amount must be at least $0.50 usd",
				  "doc_url": "https://stripe.com/docs/error-codes/amount-too-small"}}
				"""));

		var rejected = catchThrowableOfType(GatewayRejectedException.class,
				() -> gateway().charge(savedCharge("portico-pay-0005")));

		assertThat(rejected.code()).isEqualTo("amount_too_small");
		assertThat(rejected.getMessage()).contains("400").contains("at least $0.50");
	}

	@Test
	void aSavedMethodStripeNoLongerHasIsRejectedAsMissing() {
		stripe.stubFor(json(post("/v1/payment_intents"), 400, """
				{"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "payment_method",
				  "message": "No such PaymentMethod: 'pm_1Saved4242'"}}
				"""));

		var rejected = catchThrowableOfType(GatewayRejectedException.class,
				() -> gateway().charge(savedCharge("portico-pay-0006")));

		assertThat(rejected.code()).isEqualTo("method_missing");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"409 | {\"error\": {\"type\": \"invalid_request_error\", \"code\": \"idempotency_key_in_use\", \"message\": \"There is currently another in-progress request using this Idempotent Key.\"}}",
			"400 | {\"error\": {\"type\": \"idempotency_error\", \"message\": \"Keys for idempotent requests can only be used with the same parameters they were first used with.\"}}",
			"429 | {\"error\": {\"type\": \"invalid_request_error\", \"code\": \"rate_limit\", \"message\": \"Too many requests\"}}",
			"500 | {\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong on Stripe's end.\"}}",
			"503 | <html>Service Unavailable</html>" })
	void conflictsRateLimitsAndServerErrorsLeaveTheOutcomeUnknown(int status, String body) {
		stripe.stubFor(json(post("/v1/payment_intents"), status, body));

		var unavailable = catchThrowableOfType(GatewayUnavailableException.class,
				() -> gateway().charge(savedCharge("portico-pay-0007")));

		assertThat(unavailable.getMessage()).contains(String.valueOf(status));
	}

	@Test
	void anAnswerSlowerThanTheReadTimeoutLeavesTheOutcomeUnknown() {
		stripe.stubFor(post("/v1/payment_intents").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(intent("pi_3PqSlow", "succeeded", "null", "null"))
			.withFixedDelay(2_000)));

		long started = System.nanoTime();
		var unavailable = catchThrowableOfType(GatewayUnavailableException.class,
				() -> gateway().charge(savedCharge("portico-pay-0008")));

		assertThat(unavailable.getMessage()).contains("did not answer");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_900));
	}

	@Test
	void anUnreachableApiLeavesTheOutcomeUnknown() throws IOException {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		var unavailable = catchThrowableOfType(GatewayUnavailableException.class,
				() -> gateway("http://127.0.0.1:" + closedPort).charge(savedCharge("portico-pay-0009")));

		assertThat(unavailable.getMessage()).contains("did not answer");
	}

	@ParameterizedTest
	@CsvSource({ "401, Invalid API Key provided: sk_test_****6789", "403, The provided key does not have access" })
	void aRefusedKeyIsAConfigurationProblem(int status, String message) {
		stripe.stubFor(json(post("/v1/payment_intents"), status, """
				{"error": {"type": "invalid_request_error", "message": "%s"}}
				""".formatted(message)));

		var unavailable = catchThrowableOfType(GatewayUnavailableException.class,
				() -> gateway().charge(savedCharge("portico-pay-0010")));

		assertThat(unavailable.getMessage()).contains(String.valueOf(status))
			.contains("configuration problem")
			.contains("portico.payments.stripe.secret-key")
			.doesNotContain(SECRET);
	}

	@Test
	void askingAgainWithTheSameKeyGetsTheSameOutcome() {
		// Stripe replays the first answer to a repeated key, which the double imitates with one body
		stripe.stubFor(json(post("/v1/payment_intents"), 200,
				intent("pi_3PqOnce", "succeeded", "null", cardCharge("succeeded"))));
		var gateway = gateway();

		ChargeOutcome first = gateway.charge(savedCharge("portico-pay-0011"));
		ChargeOutcome again = gateway.charge(savedCharge("portico-pay-0011"));

		assertThat(again).isEqualTo(first);
		stripe.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents"))
			.withHeader("Idempotency-Key", equalTo("portico-pay-0011")));
	}

	// status

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "succeeded | null | SUCCEEDED | ",
			"processing | null | PROCESSING | ",
			"requires_payment_method | {\"type\": \"card_error\", \"code\": \"account_closed\"} | DECLINED | ACCOUNT_CLOSED",
			"requires_payment_method | {\"type\": \"card_error\", \"code\": \"no_account\"} | DECLINED | INVALID_ACCOUNT",
			"requires_payment_method | {\"type\": \"card_error\", \"code\": \"invalid_account_number\"} | DECLINED | INVALID_ACCOUNT",
			"requires_payment_method | {\"type\": \"card_error\", \"code\": \"insufficient_funds\"} | DECLINED | INSUFFICIENT_FUNDS",
			"canceled | {\"type\": \"card_error\", \"code\": \"debit_not_authorized\"} | DECLINED | GENERIC",
			"canceled | null | DECLINED | GENERIC",
			"requires_action | null | DECLINED | GENERIC" })
	void statusReadsThePaymentIntentNow(String status, String lastError, Status expected, DeclineReason reason) {
		stripe.stubFor(json(get(urlPathEqualTo("/v1/payment_intents/pi_3PqAch")), 200,
				intent("pi_3PqAch", status, lastError, BANK_CHARGE)));

		ChargeOutcome outcome = gateway().status("pi_3PqAch");

		assertThat(outcome).isEqualTo(new ChargeOutcome("pi_3PqAch", expected, reason, "6789", null));
		stripe.verify(authenticated(getRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_3PqAch")))
			.withQueryParam("expand[]", equalTo("latest_charge"))
			.withHeader("Idempotency-Key", absent()));
	}

	@Test
	void statusOfAnUnknownPaymentIntentIsRejected() {
		stripe.stubFor(json(get(urlPathEqualTo("/v1/payment_intents/pi_gone")), 404, """
				{"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "intent",
				  "message": "No such payment_intent: 'pi_gone'"}}
				"""));

		var rejected = catchThrowableOfType(GatewayRejectedException.class, () -> gateway().status("pi_gone"));

		assertThat(rejected.code()).isEqualTo("resource_missing");
	}

	// refund

	@ParameterizedTest
	@CsvSource({ "succeeded, true", "pending, false" })
	void refundsPartOfAPaymentIntentOnce(String status, boolean succeeded) {
		stripe.stubFor(json(post("/v1/refunds"), 200, """
				{"id": "re_3PqRef", "object": "refund", "amount": 1000, "currency": "usd",
				 "payment_intent": "pi_3PqSucc", "charge": "ch_3Pq1", "status": "%s", "reason": null}
				""".formatted(status)));

		RefundOutcome outcome = gateway().refund("pi_3PqSucc", Money.usd("10.00"), "portico-refund-0001");

		assertThat(outcome).isEqualTo(new RefundOutcome("re_3PqRef", succeeded));
		stripe.verify(1, form(postRequestedFor(urlEqualTo("/v1/refunds")))
			.withHeader("Idempotency-Key", equalTo("portico-refund-0001"))
			.withFormParam("payment_intent", equalTo("pi_3PqSucc"))
			.withFormParam("amount", equalTo("1000")));
	}

	@Test
	void refundingTooMuchIsRejected() {
		stripe.stubFor(json(post("/v1/refunds"), 400, """
				{"error": {"type": "invalid_request_error", "code": "charge_already_refunded",
				  "message": "Charge ch_3Pq1 has already been refunded."}}
				"""));

		var rejected = catchThrowableOfType(GatewayRejectedException.class,
				() -> gateway().refund("pi_3PqSucc", Money.usd("10.00"), "portico-refund-0002"));

		assertThat(rejected.code()).isEqualTo("charge_already_refunded");
	}

	// methods

	private static final String CARD_METHOD = """
			{"id": "pm_1NewCard", "object": "payment_method", "type": "card", "customer": "cus_New123",
			 "billing_details": {"name": "Ana Rivera", "email": null, "phone": null,
			  "address": {"postal_code": "19103", "country": "US"}},
			 "card": {"brand": "mastercard", "last4": "4444", "exp_month": 11, "exp_year": 2030, "funding": "credit",
			  "country": "US", "fingerprint": "Xt5EWLLDS7FJjR1c"}, "livemode": false, "metadata": {}}
			""";

	@Test
	void savingACardCreatesTheCustomerThenAttaches() {
		stripe.stubFor(json(post("/v1/customers"), 200, """
				{"id": "cus_New123", "object": "customer", "metadata": {"portico_account": "acct-42"}}
				"""));
		stripe.stubFor(json(post("/v1/payment_methods/pm_1NewCard/attach"), 200, CARD_METHOD));

		GatewayMethod method = gateway().saveMethod("pm_1NewCard", "acct-42", Optional.empty());

		assertThat(method).isEqualTo(new GatewayMethod(new GatewayMethod.Reference("cus_New123", "pm_1NewCard"),
				PaymentMethodKind.CARD, "4444", "mastercard", 11, 2030, null, null, null, "Ana Rivera"));
		stripe.verify(1, form(postRequestedFor(urlEqualTo("/v1/customers")))
			.withHeader("Idempotency-Key", equalTo("portico-customer-acct-42"))
			.withFormParam("metadata[portico_account]", equalTo("acct-42")));
		stripe.verify(1, form(postRequestedFor(urlEqualTo("/v1/payment_methods/pm_1NewCard/attach")))
			.withFormParam("customer", equalTo("cus_New123")));
	}

	@Test
	void savingABankAccountUnderTheKnownCustomerReadsTheBank() {
		stripe.stubFor(json(post("/v1/payment_methods/pm_1Bank/attach"), 200, """
				{"id": "pm_1Bank", "object": "payment_method", "type": "us_bank_account", "customer": "cus_PqR5tUv",
				 "billing_details": {"name": "Ana Rivera", "email": null},
				 "us_bank_account": {"account_holder_type": "individual", "account_type": "savings",
				  "bank_name": "STRIPE TEST BANK", "financial_connections_account": null, "fingerprint": "FFDMA0xfhBjWSZLu",
				  "last4": "6789", "networks": {"preferred": "ach", "supported": ["ach"]}, "routing_number": "110000000",
				  "status_details": {}}}
				"""));

		GatewayMethod method = gateway().saveMethod("pm_1Bank", "acct-42", Optional.of("cus_PqR5tUv"));

		assertThat(method).isEqualTo(new GatewayMethod(new GatewayMethod.Reference("cus_PqR5tUv", "pm_1Bank"),
				PaymentMethodKind.BANK_ACCOUNT, "6789", null, null, null, "STRIPE TEST BANK", "110000000", "savings",
				"Ana Rivera"));
		stripe.verify(0, postRequestedFor(urlEqualTo("/v1/customers")));
	}

	@Test
	void aLegacyCardTokenBecomesAPaymentMethodFirst() {
		stripe.stubFor(json(post("/v1/payment_methods"), 200, CARD_METHOD.replace("\"customer\": \"cus_New123\"",
				"\"customer\": null")));
		stripe.stubFor(json(post("/v1/payment_methods/pm_1NewCard/attach"), 200, CARD_METHOD));

		GatewayMethod method = gateway().saveMethod("tok_1Legacy", "acct-42", Optional.of("cus_New123"));

		assertThat(method.reference()).isEqualTo(new GatewayMethod.Reference("cus_New123", "pm_1NewCard"));
		stripe.verify(1, form(postRequestedFor(urlEqualTo("/v1/payment_methods")))
			.withFormParam("type", equalTo("card"))
			.withFormParam("card[token]", equalTo("tok_1Legacy")));
	}

	@Test
	void aTokenStripeDoesNotKnowIsInvalid() {
		stripe.stubFor(json(post("/v1/payment_methods/pm_1Forged/attach"), 404, """
				{"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "payment_method",
				  "message": "No such PaymentMethod: 'pm_1Forged'"}}
				"""));

		var rejected = catchThrowableOfType(GatewayRejectedException.class,
				() -> gateway().saveMethod("pm_1Forged", "acct-42", Optional.of("cus_PqR5tUv")));

		assertThat(rejected.code()).isEqualTo("token_invalid");
	}

	@Test
	void aCardTheIssuerRefusesWhenAttachingIsRejected() {
		stripe.stubFor(json(post("/v1/payment_methods/pm_1Expired/attach"), 402, """
				{"error": {"type": "card_error", "code": "expired_card", "decline_code": "expired_card",
				  "param": "exp_month", "message": "Your card has expired."}}
				"""));

		var rejected = catchThrowableOfType(GatewayRejectedException.class,
				() -> gateway().saveMethod("pm_1Expired", "acct-42", Optional.of("cus_PqR5tUv")));

		assertThat(rejected.code()).isEqualTo("expired_card");
	}

	@Test
	void aKindPorticoDoesNotTakeIsRejected() {
		stripe.stubFor(json(post("/v1/payment_methods/pm_1Link/attach"), 200, """
				{"id": "pm_1Link", "object": "payment_method", "type": "link", "customer": "cus_PqR5tUv",
				 "billing_details": {"name": null}, "link": {"email": null}}
				"""));
		stripe.stubFor(json(post("/v1/payment_methods/pm_1Link/detach"), 200, "{\"id\": \"pm_1Link\"}"));

		var rejected = catchThrowableOfType(GatewayRejectedException.class,
				() -> gateway().saveMethod("pm_1Link", "acct-42", Optional.of("cus_PqR5tUv")));

		assertThat(rejected.code()).isEqualTo("method_unsupported");
		stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_methods/pm_1Link/detach")));
	}

	@Test
	void somethingThatIsNotAStripeTokenIsInvalidWithoutAsking() {
		var rejected = catchThrowableOfType(GatewayRejectedException.class,
				() -> gateway().saveMethod("4242424242424242", "acct-42", Optional.empty()));

		assertThat(rejected.code()).isEqualTo("token_invalid");
		assertThat(rejected.getMessage()).doesNotContain("4242424242424242");
		assertThat(stripe.getAllServeEvents()).isEmpty();
	}

	@Test
	void removingDetaches() {
		stripe.stubFor(json(post("/v1/payment_methods/pm_1Saved4242/detach"), 200, CARD_METHOD));

		gateway().removeMethod(SAVED);

		stripe.verify(1, authenticated(postRequestedFor(urlEqualTo("/v1/payment_methods/pm_1Saved4242/detach"))));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"404 | resource_missing | No such PaymentMethod: 'pm_1Saved4242'",
			"400 | payment_method_unexpected_state | The payment method you provided is not attached to a customer so detachment is impossible." })
	void removingAMethodAlreadyGoneIsFine(int status, String code, String message) {
		stripe.stubFor(json(post("/v1/payment_methods/pm_1Saved4242/detach"), status, """
				{"error": {"type": "invalid_request_error", "code": "%s", "message": "%s"}}
				""".formatted(code, message)));

		gateway().removeMethod(SAVED);

		stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_methods/pm_1Saved4242/detach")));
	}

	@Test
	void removingWhileStripeIsDownIsUnavailable() {
		stripe.stubFor(json(post("/v1/payment_methods/pm_1Saved4242/detach"), 502, "Bad Gateway"));

		catchThrowableOfType(GatewayUnavailableException.class, () -> gateway().removeMethod(SAVED));
	}

	// hosted fields and settings

	@Test
	void theBrowserLoadsStripeJsWithThePublishableKey() {
		assertThat(gateway().name()).isEqualTo("stripe");
		assertThat(gateway().hostedFields()).isEqualTo(new HostedFields("https://js.stripe.com/v3/", PUBLISHABLE,
				"https://api.stripe.com/v1/payment_methods"));
	}

	@Test
	void refusesToStartWithoutASecretKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new StripeGateway(new StripeProperties(URI.create(stripe.baseUrl()), "  ", PUBLISHABLE,
					Duration.ofSeconds(5), Duration.ofSeconds(20))))
			.withMessageContaining("portico.payments.stripe.secret-key");
	}

	@Test
	void refusesToPublishASecretKeyAsThePublishableOne() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new StripeGateway(new StripeProperties(URI.create(stripe.baseUrl()), SECRET, SECRET,
					Duration.ofSeconds(5), Duration.ofSeconds(20))))
			.withMessageContaining("portico.payments.stripe.publishable-key")
			.withMessageNotContaining(SECRET);
	}

	@Test
	void theSecretKeyNeverAppearsInLogsOrSettings() {
		var logger = (Logger) LoggerFactory.getLogger(StripeGateway.class);
		var logs = new ListAppender<ILoggingEvent>();
		logs.start();
		logger.addAppender(logs);
		try {
			stripe.stubFor(json(post("/v1/customers"), 200, "{\"id\": \"cus_New123\", \"object\": \"customer\"}"));
			stripe.stubFor(json(post("/v1/payment_methods/pm_1NewCard/attach"), 200, CARD_METHOD));
			stripe.stubFor(json(post("/v1/refunds"), 200,
					"{\"id\": \"re_1\", \"object\": \"refund\", \"status\": \"succeeded\"}"));
			stripe.stubFor(json(post("/v1/payment_intents"), 401, """
					{"error": {"type": "invalid_request_error", "message": "Invalid API Key provided: %s"}}
					""".formatted(SECRET)));
			var gateway = gateway();

			gateway.saveMethod("pm_1NewCard", "acct-42", Optional.empty());
			gateway.refund("pi_3PqSucc", Money.usd("1.00"), "portico-refund-0003");
			var first = catchThrowableOfType(GatewayUnavailableException.class,
					() -> gateway.charge(savedCharge("portico-pay-0012")));
			var second = catchThrowableOfType(GatewayUnavailableException.class,
					() -> gateway.charge(savedCharge("portico-pay-0013")));

			assertThat(logs.list).isNotEmpty();
			assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(SECRET));
			assertThat(logs.list).filteredOn(event -> event.getLevel() == ch.qos.logback.classic.Level.ERROR)
				.singleElement()
				.satisfies(event -> assertThat(event.getFormattedMessage()).contains("secret-key"));
			assertThat(first.getMessage()).doesNotContain(SECRET);
			assertThat(second.getMessage()).doesNotContain(SECRET);
			var properties = new StripeProperties(URI.create(stripe.baseUrl()), SECRET, PUBLISHABLE,
					Duration.ofSeconds(5), Duration.ofSeconds(20));
			assertThat(properties.toString()).doesNotContain(SECRET.substring(8)).contains("sk_test_****");
		}
		finally {
			logger.detachAppender(logs);
		}
	}
}
