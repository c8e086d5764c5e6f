package org.portico.payments.integration;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.portico.payments.PaymentMethodKind;
import org.portico.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's API as the payment gateway: PaymentIntents for charges (created and confirmed in one call),
 * PaymentMethods attached to a Customer for saved methods, Refunds. Requests are form-encoded with
 * Stripe's nested {@code a[b]=c} notation and authenticated with the secret key as a bearer token; every
 * request that creates a customer or moves money carries an {@code Idempotency-Key}, so asking again after
 * a timeout returns Stripe's first answer instead of charging twice.
 *
 * <p>Browsers collect cards and bank accounts with Stripe.js, which creates a PaymentMethod ({@code pm_…})
 * directly at Stripe with the publishable key; Portico receives only that ID. A legacy card token
 * ({@code tok_…}) is accepted too and turned into a PaymentMethod here.
 *
 * <p>HTTP answers: 2xx read; 402 (a card error) is a decline, carrying the PaymentIntent Stripe created;
 * 400 and 404 (invalid request) are {@link GatewayRejectedException}; 401 and 403 (the key is wrong or
 * lacks a permission), 409 (the same key is in use by a request still running), 429, 5xx, timeouts and
 * unreachable are {@link GatewayUnavailableException}: the outcome is unknown.
 */
public class StripeGateway implements PaymentGateway {

	/** Pinned so that the shapes read here (latest_charge, error objects) do not follow the account's default. */
	static final String API_VERSION = "2024-06-20";

	static final String SCRIPT_URL = "https://js.stripe.com/v3/";

	/** Where Stripe.js's createPaymentMethod posts what the browser collected (with the publishable key). */
	static final String TOKEN_URL = "https://api.stripe.com/v1/payment_methods";

	private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StripeProperties properties;

	private final RestClient http;

	// a wrong key fails every request: say so once in the error log, not on every attempt
	private final AtomicBoolean credentialsReported = new AtomicBoolean();

	public StripeGateway(StripeProperties properties) {
		properties.requireUsable();
		this.properties = properties;
		var client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		var requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.readTimeout());
		this.http = RestClient.builder()
			.requestFactory(requests)
			.baseUrl(properties.apiBase().toString())
			.defaultHeader("Authorization", "Bearer " + properties.secretKey())
			.defaultHeader("Stripe-Version", API_VERSION)
			.build();
	}

	@Override
	public String name() {
		return "stripe";
	}

	@Override
	public HostedFields hostedFields() {
		return new HostedFields(SCRIPT_URL, properties.publishableKey(), TOKEN_URL);
	}

	@Override
	public GatewayMethod saveMethod(String token, String accountReference, Optional<String> existingCustomer) {
		if (!token.startsWith("pm_") && !token.startsWith("tok_")) {
			throw new GatewayRejectedException("token_invalid", "Not a Stripe PaymentMethod or card token");
		}
		String customer = existingCustomer.orElseGet(() -> createCustomer(accountReference));
		String paymentMethod = token;
		if (token.startsWith("tok_")) {
			// a legacy Tokens-API card token: Stripe turns it into a card PaymentMethod
			JsonNode created = call(HttpMethod.POST, "/v1/payment_methods",
					new Form().add("type", "card").add("card[token]", token), null, Operation.SAVE);
			paymentMethod = created.path("id").asString();
		}
		JsonNode attached = call(HttpMethod.POST, "/v1/payment_methods/{id}/attach",
				new Form().add("customer", customer), null, Operation.SAVE, paymentMethod);
		GatewayMethod method;
		try {
			method = method(attached, customer);
		}
		catch (GatewayRejectedException e) {
			// a kind Portico does not take stays off the customer
			try {
				removeMethod(new GatewayMethod.Reference(customer, paymentMethod));
			}
			catch (RuntimeException notDetached) {
				e.addSuppressed(notDetached);
			}
			throw e;
		}
		log.info("Stripe payment method {} ({}) attached to customer {}", method.reference().method(), method.kind(),
				customer);
		return method;
	}

	private String createCustomer(String accountReference) {
		// derived from the account: a retry after a lost answer finds the customer made the first time
		JsonNode customer = call(HttpMethod.POST, "/v1/customers",
				new Form().add("metadata[portico_account]", accountReference), "portico-customer-" + accountReference,
				Operation.SAVE);
		String id = customer.path("id").asString("");
		if (id.isEmpty()) {
			throw new GatewayUnavailableException("Stripe created a customer without an ID");
		}
		log.info("Stripe customer {} created for account {}", id, accountReference);
		return id;
	}

	private static GatewayMethod method(JsonNode paymentMethod, String customer) {
		String id = paymentMethod.path("id").asString("");
		String type = paymentMethod.path("type").asString("");
		String holder = text(paymentMethod.path("billing_details").path("name"));
		var reference = new GatewayMethod.Reference(customer, id);
		if (type.equals("card")) {
			JsonNode card = paymentMethod.path("card");
			return new GatewayMethod(reference, PaymentMethodKind.CARD, card.path("last4").asString(""),
					text(card.path("brand")), number(card.path("exp_month")), number(card.path("exp_year")), null,
					null, null, holder);
		}
		if (type.equals("us_bank_account")) {
			JsonNode bank = paymentMethod.path("us_bank_account");
			return new GatewayMethod(reference, PaymentMethodKind.BANK_ACCOUNT, bank.path("last4").asString(""), null,
					null, null, text(bank.path("bank_name")), text(bank.path("routing_number")),
					text(bank.path("account_type")), holder);
		}
		throw new GatewayRejectedException("method_unsupported",
				"Stripe payment method " + id + " is of type " + type + ", which Portico does not take");
	}

	@Override
	public void removeMethod(GatewayMethod.Reference method) {
		try {
			call(HttpMethod.POST, "/v1/payment_methods/{id}/detach", new Form(), null, Operation.DETACH,
					method.method());
			log.info("Stripe payment method {} detached", method.method());
		}
		catch (GatewayRejectedException e) {
			if (!e.code().equals("resource_missing") && !e.code().equals("payment_method_unexpected_state")) {
				throw e;
			}
			// already deleted, or no longer attached to anyone: the goal is reached
			log.info("Stripe payment method {} was already detached ({})", method.method(), e.code());
		}
	}

	@Override
	public ChargeOutcome charge(ChargeRequest request) {
		Money amount = request.amount();
		var form = new Form().add("amount", Long.toString(amount.minorUnits()))
			.add("currency", amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
			.add("confirm", "true")
			// Stripe names the kinds a PaymentIntent may use; absent, it would choose methods that redirect
			.add("payment_method_types[0]", "card")
			.add("payment_method_types[1]", "us_bank_account")
			.add("description", request.description())
			.add("metadata[portico_receipt]", request.paymentReference())
			.add("expand[0]", "latest_charge");
		if (request.method() != null) {
			form.add("customer", request.method().customer())
				.add("payment_method", request.method().method())
				.add("off_session", "true");
		}
		else if (request.token().startsWith("tok_")) {
			form.add("payment_method_data[type]", "card")
				.add("payment_method_data[card][token]", request.token())
				.add("error_on_requires_action", "true");
		}
		else {
			// a PaymentMethod Stripe.js created for this payment only
			form.add("payment_method", request.token()).add("error_on_requires_action", "true");
		}
		ChargeOutcome outcome;
		try {
			outcome = outcome(call(HttpMethod.POST, "/v1/payment_intents", form, request.idempotencyKey(),
					Operation.CHARGE), null);
		}
		catch (Declined declined) {
			outcome = outcome(declined.error.path("payment_intent"), declined.error);
		}
		log.info("Stripe payment intent {} for receipt {}: {}{}", outcome.chargeReference(), request.paymentReference(),
				outcome.status(), outcome.declineReason() == null ? "" : " (" + outcome.declineReason() + ")");
		return outcome;
	}

	@Override
	public ChargeOutcome status(String chargeReference) {
		JsonNode intent = call(HttpMethod.GET, "/v1/payment_intents/{id}?expand[]={expand}", null, null,
				Operation.STATUS, chargeReference, "latest_charge");
		return outcome(intent, null);
	}

	@Override
	public RefundOutcome refund(String chargeReference, Money amount, String idempotencyKey) {
		JsonNode refund = call(HttpMethod.POST, "/v1/refunds",
				new Form().add("payment_intent", chargeReference).add("amount", Long.toString(amount.minorUnits())),
				idempotencyKey, Operation.REFUND);
		String id = refund.path("id").asString("");
		String status = refund.path("status").asString("");
		if (id.isEmpty()) {
			throw new GatewayUnavailableException("Stripe answered a refund without a refund ID");
		}
		if (status.equals("failed") || status.equals("canceled")) {
			throw new GatewayRejectedException("refund_failed",
					"Stripe refund " + id + " is " + status + ": " + refund.path("failure_reason").asString(""));
		}
		log.info("Stripe refund {} of {} for payment intent {}: {}", id, amount, chargeReference, status);
		// pending and requires_action: accepted, the money goes back later
		return new RefundOutcome(id, status.equals("succeeded"));
	}

	/** A PaymentIntent as Portico sees it; {@code error} is the API error that carried it, if any. */
	private static ChargeOutcome outcome(JsonNode intent, @Nullable JsonNode error) {
		String id = intent.path("id").asString("");
		if (id.isEmpty()) {
			throw new GatewayUnavailableException("Stripe answered without a PaymentIntent ID");
		}
		// a 402's PaymentIntent is declined whatever status it shows
		String status = error != null ? "requires_payment_method" : intent.path("status").asString("");
		JsonNode lastError = intent.path("last_payment_error");
		if (error == null && lastError.isObject()) {
			error = lastError;
		}
		String last4 = null;
		String brand = null;
		JsonNode details = intent.path("latest_charge").path("payment_method_details");
		JsonNode failedMethod = error == null ? null : error.path("payment_method");
		if (details.path("card").isObject()) {
			last4 = text(details.path("card").path("last4"));
			brand = text(details.path("card").path("brand"));
		}
		else if (details.path("us_bank_account").isObject()) {
			last4 = text(details.path("us_bank_account").path("last4"));
		}
		else if (failedMethod != null && failedMethod.path("card").isObject()) {
			last4 = text(failedMethod.path("card").path("last4"));
			brand = text(failedMethod.path("card").path("brand"));
		}
		else if (failedMethod != null && failedMethod.path("us_bank_account").isObject()) {
			last4 = text(failedMethod.path("us_bank_account").path("last4"));
		}
		switch (status) {
			case "succeeded":
				return new ChargeOutcome(id, ChargeOutcome.Status.SUCCEEDED, null, last4, brand);
			case "processing":
			case "requires_capture":
				return new ChargeOutcome(id, ChargeOutcome.Status.PROCESSING, null, last4, brand);
			case "requires_payment_method":
			case "canceled":
			case "requires_action":
			case "requires_confirmation":
				// requires_action: the bank wants the customer present (3-D Secure), which a server
				// charge cannot give; nothing was taken
				return new ChargeOutcome(id, ChargeOutcome.Status.DECLINED, reason(error), last4, brand);
			default:
				// a status this adapter does not know: not final, reconciliation asks again
				log.warn("Stripe payment intent {} has unknown status {}", id, status);
				return new ChargeOutcome(id, ChargeOutcome.Status.PROCESSING, null, last4, brand);
		}
	}

	private static ChargeOutcome.DeclineReason reason(@Nullable JsonNode error) {
		if (error == null) {
			return ChargeOutcome.DeclineReason.GENERIC;
		}
		// the issuer's reason (decline_code) is more precise than Stripe's code (card_declined)
		for (String field : List.of("decline_code", "code")) {
			switch (error.path(field).asString("")) {
				case "insufficient_funds":
					return ChargeOutcome.DeclineReason.INSUFFICIENT_FUNDS;
				case "expired_card":
					return ChargeOutcome.DeclineReason.EXPIRED_CARD;
				case "incorrect_cvc":
				case "invalid_cvc":
					return ChargeOutcome.DeclineReason.INCORRECT_CVC;
				case "account_closed":
					return ChargeOutcome.DeclineReason.ACCOUNT_CLOSED;
				case "no_account":
				case "invalid_account_number":
				case "account_number_invalid":
					return ChargeOutcome.DeclineReason.INVALID_ACCOUNT;
				default:
					break;
			}
		}
		return ChargeOutcome.DeclineReason.GENERIC;
	}

	private enum Operation {
		SAVE, DETACH, CHARGE, STATUS, REFUND
	}

	/**
	 * One API call: the parsed JSON of a 2xx answer, or the exception its error stands for ({@link Declined}
	 * for a charge's 402 that carries a PaymentIntent). {@code path} is a URI template filled with {@code ids}.
	 */
	private JsonNode call(HttpMethod method, String path, @Nullable Form form, @Nullable String idempotencyKey,
			Operation operation, String... ids) {
		Answer answer;
		try {
			var request = http.method(method).uri(path, (Object[]) ids);
			if (idempotencyKey != null) {
				request.header("Idempotency-Key", idempotencyKey);
			}
			if (form != null) {
				request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form.encoded());
			}
			answer = request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
					new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (RestClientException | UncheckedIOException e) {
			// timeout, refused, reset: Stripe may or may not have acted on it
			throw new GatewayUnavailableException(
					"Stripe did not answer " + method + " " + pathOnly(path) + ": " + cause(e), e);
		}
		if (answer == null) {
			throw new GatewayUnavailableException("Stripe gave no answer to " + method + " " + pathOnly(path));
		}
		JsonNode body = parse(answer.body());
		int status = answer.status();
		if (status >= 200 && status < 300) {
			if (body == null || !body.isObject()) {
				throw new GatewayUnavailableException("Stripe answered " + status + " to " + method + " " + pathOnly(path)
						+ " with a body that is not JSON");
			}
			return body;
		}
		JsonNode error = body == null ? JSON.createObjectNode() : body.path("error");
		String type = error.path("type").asString("");
		String code = error.path("code").asString("");
		String described = "Stripe " + status + " " + (type.isEmpty() ? "" : type + " ")
				+ (code.isEmpty() ? "" : "(" + code + ") ") + "on " + method + " " + pathOnly(path);
		if (status == 401 || status == 403) {
			if (credentialsReported.compareAndSet(false, true)) {
				log.error("Stripe refused Portico's API key ({}): check portico.payments.stripe.secret-key "
						+ "(a live or test secret key with permission for PaymentIntents, PaymentMethods, "
						+ "Customers and Refunds)", status);
			}
			throw new GatewayUnavailableException(described
					+ ": a configuration problem, Stripe does not accept portico.payments.stripe.secret-key");
		}
		if (status == 402 && operation == Operation.CHARGE && error.path("payment_intent").isObject()) {
			// a declined card: Stripe made the PaymentIntent and says why in the error
			throw new Declined(error);
		}
		if (status == 402) {
			throw new GatewayRejectedException(code.isEmpty() ? "card_declined" : code, described);
		}
		if (type.equals("idempotency_error") || status == 409 || status == 429 || status >= 500) {
			throw new GatewayUnavailableException(described + ": outcome unknown, ask again with the same key");
		}
		if (status == 400 || status == 404) {
			throw new GatewayRejectedException(rejectionCode(code, operation), described + ": "
					+ error.path("message").asString(""));
		}
		throw new GatewayUnavailableException(described);
	}

	private static String rejectionCode(String code, Operation operation) {
		if (operation == Operation.SAVE && (code.isEmpty() || code.equals("resource_missing")
				|| code.equals("token_already_used") || code.equals("payment_method_unexpected_state"))) {
			return "token_invalid";
		}
		if (operation == Operation.CHARGE && code.equals("resource_missing")) {
			return "method_missing";
		}
		return code.isEmpty() ? "invalid_request" : code;
	}

	private static @Nullable JsonNode parse(String body) {
		if (body.isBlank()) {
			return null;
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException e) {
			return null;
		}
	}

	private static String pathOnly(String path) {
		int query = path.indexOf('?');
		return query < 0 ? path : path.substring(0, query);
	}

	private static String cause(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() && !node.asString().isEmpty() ? node.asString() : null;
	}

	private static @Nullable Integer number(JsonNode node) {
		return node.isNumber() ? node.asInt() : null;
	}

	private record Answer(int status, String body) {
	}

	/** A 402 card error that carries the PaymentIntent Stripe made: a decline, not a failure. */
	private static final class Declined extends RuntimeException {

		private final transient JsonNode error;

		Declined(JsonNode error) {
			super(null, null, false, false);
			this.error = error;
		}
	}

	/** A form body in Stripe's notation; names and values are percent-encoded as UTF-8. */
	static final class Form {

		private final List<String[]> fields = new ArrayList<>();

		Form add(String name, String value) {
			fields.add(new String[] { name, value });
			return this;
		}

		String encoded() {
			var body = new StringBuilder();
			for (String[] field : fields) {
				if (!body.isEmpty()) {
					body.append('&');
				}
				body.append(URLEncoder.encode(field[0], StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(field[1], StandardCharsets.UTF_8));
			}
			return body.toString();
		}
	}
}
