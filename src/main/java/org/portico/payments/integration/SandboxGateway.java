package org.portico.payments.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.payments.PaymentMethodKind;
import org.portico.payments.integration.ChargeOutcome.DeclineReason;
import org.portico.shared.Luhn;
import org.portico.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in sandbox gateway: a payment processor simulated inside Portico, with its own books in
 * PostgreSQL (so every node sees the same charges, and a restart forgets nothing). It behaves like a real
 * one where it matters to Portico: single-use expiring tokens from its hosted fields, saved methods under
 * a customer, idempotency keys that never charge twice (the same key with another amount or source is
 * refused), test numbers that approve, decline, fail after a delay or time out, bank debits that settle
 * (or are returned) after a delay, and refunds. It never sees a card number after tokenisation and keeps
 * none.
 */
public class SandboxGateway implements PaymentGateway {

	static final String NAME = "sandbox";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SandboxProperties properties;

	private final Clock clock;

	SandboxGateway(JdbcClient jdbc, TransactionTemplate transactions, SandboxProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public HostedFields hostedFields() {
		return new HostedFields("/sandbox-gateway/v1/hosted-fields.js", properties.publishableKey(),
				"/sandbox-gateway/v1/tokens");
	}

	/** The publishable key the hosted fields must present. */
	boolean acceptsPublishableKey(@Nullable String key) {
		return key != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
				properties.publishableKey().getBytes(StandardCharsets.UTF_8));
	}

	// ---- tokenisation (the hosted fields' endpoint) -------------------------------------------

	/** A card as typed into the hosted fields. */
	record CardDetails(@Nullable String number, @Nullable Integer expMonth, @Nullable Integer expYear,
			@Nullable String cvc, @Nullable String postalCode) {
	}

	/** A bank account as typed into the hosted fields. */
	record BankAccountDetails(@Nullable String routingNumber, @Nullable String accountNumber,
			@Nullable String confirmAccountNumber, @Nullable String accountType, @Nullable String holderName) {
	}

	/** Why the hosted fields' input was refused, and which field to show it by. */
	static final class InvalidDetailsException extends RuntimeException {

		final String code;

		final String field;

		InvalidDetailsException(String code, String field, String message) {
			super(message);
			this.code = code;
			this.field = field;
		}
	}

	/** A token and what the hosted fields may show about it. */
	record Token(String id, PaymentMethodKind kind, String last4, @Nullable String brand, @Nullable Integer expMonth,
			@Nullable Integer expYear, @Nullable String bankName, @Nullable String routingNumber,
			@Nullable String accountType) {
	}

	Token tokenizeCard(CardDetails card) {
		String number = digits(card.number());
		if (number == null || number.length() < 13 || number.length() > 19 || !Luhn.isValid(number)) {
			throw new InvalidDetailsException("invalid_number", "number", "The card number is not valid.");
		}
		String brand = brandOf(number);
		if (brand == null) {
			throw new InvalidDetailsException("invalid_number", "number", "This card brand is not accepted.");
		}
		Integer month = card.expMonth();
		Integer year = card.expYear();
		if (year != null && year < 100) {
			year = 2000 + year;
		}
		if (month == null || year == null || month < 1 || month > 12 || year > 2100
				|| YearMonth.of(year, month).isBefore(YearMonth.now(clock))) {
			throw new InvalidDetailsException("invalid_expiry", "expiry", "The expiry date is not valid.");
		}
		String cvc = digits(card.cvc());
		int cvcLength = brand.equals("amex") ? 4 : 3;
		if (cvc == null || cvc.length() != cvcLength) {
			throw new InvalidDetailsException("invalid_cvc", "cvc", "The security code is not valid.");
		}
		String postal = card.postalCode() == null ? "" : card.postalCode().strip();
		if (!postal.matches("\\d{5}(-\\d{4})?")) {
			throw new InvalidDetailsException("invalid_postal_code", "postalCode", "The ZIP code is not valid.");
		}
		String last4 = number.substring(number.length() - 4);
		return storeToken("tok_sbx_", PaymentMethodKind.CARD, SandboxScenario.ofCard(number), last4, brand, month, year,
				null, null, null, null);
	}

	Token tokenizeBankAccount(BankAccountDetails bank) {
		String routing = digits(bank.routingNumber());
		if (routing == null || !isValidRoutingNumber(routing)) {
			throw new InvalidDetailsException("invalid_routing_number", "routingNumber",
					"The routing number is not valid.");
		}
		String account = digits(bank.accountNumber());
		if (account == null || account.length() < 4 || account.length() > 17) {
			throw new InvalidDetailsException("invalid_account_number", "accountNumber",
					"The account number is not valid.");
		}
		if (bank.confirmAccountNumber() != null && !account.equals(digits(bank.confirmAccountNumber()))) {
			throw new InvalidDetailsException("account_numbers_mismatch", "confirmAccountNumber",
					"The account numbers do not match.");
		}
		String type = bank.accountType() == null ? "" : bank.accountType().strip().toLowerCase(java.util.Locale.ROOT);
		if (!type.equals("checking") && !type.equals("savings")) {
			throw new InvalidDetailsException("invalid_account_type", "accountType", "Choose checking or savings.");
		}
		String holder = bank.holderName() == null ? "" : bank.holderName().strip();
		if (holder.isEmpty() || holder.length() > 100) {
			throw new InvalidDetailsException("invalid_holder_name", "holderName", "Enter the account holder's name.");
		}
		return storeToken("btok_sbx_", PaymentMethodKind.BANK_ACCOUNT, SandboxScenario.ofBankAccount(account),
				account.substring(account.length() - 4), null, null, null, bankName(routing), routing, type, holder);
	}

	/** The ABA checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of ten. */
	static boolean isValidRoutingNumber(String routing) {
		if (!routing.matches("\\d{9}") || routing.equals("000000000")) {
			return false;
		}
		int[] d = routing.chars().map(c -> c - '0').toArray();
		int sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
		return sum % 10 == 0;
	}

	private Token storeToken(String prefix, PaymentMethodKind kind, SandboxScenario scenario, String last4,
			@Nullable String brand, @Nullable Integer month, @Nullable Integer year, @Nullable String bankName,
			@Nullable String routing, @Nullable String accountType, @Nullable String holder) {
		String id = prefix + random(24);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into payments.sandbox_token (token_hash, kind, scenario, last4, brand, exp_month, exp_year,
				  bank_name, routing_number, account_type, holder_name, created_at, expires_at)
				values (:hash, :kind, :scenario, :last4, :brand, :month, :year, :bank, :routing, :type, :holder, :now,
				  :expires)""")
			.param("hash", sha256(id))
			.param("kind", kind.name())
			.param("scenario", scenario.name())
			.param("last4", last4)
			.param("brand", brand)
			.param("month", month)
			.param("year", year)
			.param("bank", bankName)
			.param("routing", routing)
			.param("type", accountType)
			.param("holder", holder)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(properties.tokenLifetime())))
			.update();
		return new Token(id, kind, last4, brand, month, year, bankName, routing, accountType);
	}

	// ---- the processor API Portico calls ----------------------------------------------------

	@Override
	public GatewayMethod saveMethod(String token, String accountReference, Optional<String> existingCustomer) {
		return require(transactions.execute(status -> {
			StoredToken used = consume(token);
			String customer = existingCustomer.orElseGet(() -> "cus_sbx_" + random(16));
			String reference = (used.kind == PaymentMethodKind.CARD ? "pm_sbx_" : "ba_sbx_") + random(24);
			jdbc.sql("""
					insert into payments.sandbox_method (reference, customer, kind, scenario, last4, brand, exp_month,
					  exp_year, bank_name, routing_number, account_type, holder_name, created_at)
					values (:reference, :customer, :kind, :scenario, :last4, :brand, :month, :year, :bank, :routing, :type,
					  :holder, :now)""")
				.param("reference", reference)
				.param("customer", customer)
				.param("kind", used.kind.name())
				.param("scenario", used.scenario.name())
				.param("last4", used.last4)
				.param("brand", used.brand)
				.param("month", used.expMonth)
				.param("year", used.expYear)
				.param("bank", used.bankName)
				.param("routing", used.routingNumber)
				.param("type", used.accountType)
				.param("holder", used.holderName)
				.param("now", Timestamp.from(clock.instant()))
				.update();
			return new GatewayMethod(new GatewayMethod.Reference(customer, reference), used.kind, used.last4, used.brand,
					used.expMonth, used.expYear, used.bankName, used.routingNumber, used.accountType, used.holderName);
		}));
	}

	@Override
	public void removeMethod(GatewayMethod.Reference method) {
		jdbc.sql("""
				update payments.sandbox_method set detached_at = :now
				where reference = :reference and customer = :customer and detached_at is null""")
			.param("now", Timestamp.from(clock.instant()))
			.param("reference", method.method())
			.param("customer", method.customer())
			.update();
	}

	@Override
	public ChargeOutcome charge(ChargeRequest request) {
		String fingerprint = request.amount().minorUnits() + " " + request.amount().currency().getCurrencyCode() + " "
				+ (request.method() != null ? request.method().method() : sha256Hex(request.token()));
		Optional<StoredCharge> earlier = findByKey(request.idempotencyKey());
		if (earlier.isPresent()) {
			return replay(earlier.get(), fingerprint);
		}
		StoredCharge created = transactions.execute(status -> {
			Source source = request.method() != null ? savedSource(request.method()) : tokenSource(request.token());
			String reference = "ch_sbx_" + random(24);
			Instant now = clock.instant();
			SandboxScenario scenario = source.scenario;
			int inserted = jdbc.sql("""
					insert into payments.sandbox_charge (reference, idempotency_key, request_fingerprint, method_reference,
					  kind, scenario, last4, brand, amount_minor, currency, description, payment_reference, status,
					  decline_reason, final_status, final_decline_reason, final_at, created_at)
					values (:reference, :key, :fingerprint, :method, :kind, :scenario, :last4, :brand, :amount, :currency,
					  :description, :paymentReference, :status, :reason, :finalStatus, :finalReason, :finalAt, :now)
					on conflict (idempotency_key) do nothing""")
				.param("reference", reference)
				.param("key", request.idempotencyKey())
				.param("fingerprint", fingerprint)
				.param("method", request.method() == null ? null : request.method().method())
				.param("kind", source.kind.name())
				.param("scenario", scenario.name())
				.param("last4", source.last4)
				.param("brand", source.brand)
				.param("amount", request.amount().minorUnits())
				.param("currency", request.amount().currency().getCurrencyCode())
				.param("description", request.description())
				.param("paymentReference", request.paymentReference())
				.param("status", scenario.immediate == ChargeOutcome.Status.PROCESSING ? "PROCESSING"
						: scenario.immediate.name())
				.param("reason", scenario.immediate == ChargeOutcome.Status.DECLINED ? reasonName(scenario.reason) : null)
				.param("finalStatus", scenario.eventual == null ? null : finalName(scenario.eventual))
				.param("finalReason", scenario.eventual == ChargeOutcome.Status.DECLINED ? reasonName(scenario.reason) : null)
				.param("finalAt", scenario.eventual == null ? null : Timestamp.from(now.plus(properties.settleAfter())))
				.param("now", Timestamp.from(now))
				.update();
			if (inserted == 0) {
				// another request with this key got there first (and has committed: the unique index waited)
				status.setRollbackOnly();
				return null;
			}
			return findByKey(request.idempotencyKey()).orElseThrow();
		});
		if (created == null) {
			return replay(findByKey(request.idempotencyKey()).orElseThrow(), fingerprint);
		}
		if (created.scenario == SandboxScenario.TIMES_OUT) {
			// the charge is made; its answer is lost on the way back, after the caller's patience ran out
			sleep(properties.timeout());
			throw new GatewayUnavailableException("The sandbox gateway did not answer in time (test card)");
		}
		return created.outcome();
	}

	@Override
	public ChargeOutcome status(String chargeReference) {
		StoredCharge charge = jdbc.sql(CHARGE_SELECT + " where reference = :reference")
			.param("reference", chargeReference)
			.query((row, n) -> charge(row))
			.optional()
			.orElseThrow(() -> new GatewayRejectedException("charge_missing", "No such charge"));
		return settleIfDue(charge).outcome();
	}

	@Override
	public RefundOutcome refund(String chargeReference, Money amount, String idempotencyKey) {
		return require(transactions.execute(status -> {
			var existing = jdbc.sql("select reference from payments.sandbox_refund where idempotency_key = :key")
				.param("key", idempotencyKey)
				.query(String.class)
				.optional();
			if (existing.isPresent()) {
				return new RefundOutcome(existing.get(), true);
			}
			StoredCharge charge = jdbc.sql(CHARGE_SELECT + " where reference = :reference for update")
				.param("reference", chargeReference)
				.query((row, n) -> charge(row))
				.optional()
				.orElseThrow(() -> new GatewayRejectedException("charge_missing", "No such charge"));
			if (!charge.status.equals("SUCCEEDED")) {
				throw new GatewayRejectedException("charge_not_refundable", "Only a succeeded charge can be refunded");
			}
			if (amount.minorUnits() <= 0 || charge.refundedMinor + amount.minorUnits() > charge.amountMinor) {
				throw new GatewayRejectedException("amount_too_large", "The refund exceeds what is left of the charge");
			}
			String reference = "re_sbx_" + random(24);
			int inserted = jdbc.sql("""
					insert into payments.sandbox_refund (reference, charge_reference, idempotency_key, amount_minor, created_at)
					values (:reference, :charge, :key, :amount, :now) on conflict (idempotency_key) do nothing""")
				.param("reference", reference)
				.param("charge", chargeReference)
				.param("key", idempotencyKey)
				.param("amount", amount.minorUnits())
				.param("now", Timestamp.from(clock.instant()))
				.update();
			if (inserted == 0) {
				status.setRollbackOnly();
				return new RefundOutcome(jdbc.sql("select reference from payments.sandbox_refund where idempotency_key = :key")
					.param("key", idempotencyKey)
					.query(String.class)
					.single(), true);
			}
			jdbc.sql("update payments.sandbox_charge set refunded_minor = refunded_minor + :amount where reference = :ref")
				.param("amount", amount.minorUnits())
				.param("ref", chargeReference)
				.update();
			return new RefundOutcome(reference, true);
		}));
	}

	// ---- internals ------------------------------------------------------------------------------

	private static final String CHARGE_SELECT = """
			select reference, request_fingerprint, kind, scenario, last4, brand, amount_minor, status, decline_reason,
			       final_status, final_decline_reason, final_at, refunded_minor
			from payments.sandbox_charge""";

	private ChargeOutcome replay(StoredCharge charge, String fingerprint) {
		if (!charge.fingerprint.equals(fingerprint)) {
			throw new GatewayRejectedException("idempotency_key_reused",
					"This idempotency key was used for a different charge");
		}
		return settleIfDue(charge).outcome();
	}

	/** A processing charge whose time has come becomes final (once: the update only matches while processing). */
	private StoredCharge settleIfDue(StoredCharge charge) {
		if (!charge.status.equals("PROCESSING") || charge.finalAt == null || clock.instant().isBefore(charge.finalAt)) {
			return charge;
		}
		jdbc.sql("""
				update payments.sandbox_charge set status = final_status, decline_reason = final_decline_reason
				where reference = :reference and status = 'PROCESSING'""")
			.param("reference", charge.reference)
			.update();
		return jdbc.sql(CHARGE_SELECT + " where reference = :reference")
			.param("reference", charge.reference)
			.query((row, n) -> charge(row))
			.single();
	}

	private Optional<StoredCharge> findByKey(String key) {
		return jdbc.sql(CHARGE_SELECT + " where idempotency_key = :key")
			.param("key", key)
			.query((row, n) -> charge(row))
			.optional();
	}

	private Source savedSource(GatewayMethod.Reference method) {
		return jdbc.sql("""
				select kind, scenario, last4, brand from payments.sandbox_method
				where reference = :reference and customer = :customer and detached_at is null""")
			.param("reference", method.method())
			.param("customer", method.customer())
			.query((row, n) -> new Source(PaymentMethodKind.valueOf(row.getString("kind")),
					SandboxScenario.valueOf(row.getString("scenario")), row.getString("last4"), row.getString("brand")))
			.optional()
			.orElseThrow(() -> new GatewayRejectedException("method_missing", "No such payment method"));
	}

	private Source tokenSource(@Nullable String token) {
		StoredToken used = consume(token);
		return new Source(used.kind, used.scenario, used.last4, used.brand);
	}

	/** Uses a token up: unknown, used and expired tokens are refused alike. */
	private StoredToken consume(@Nullable String token) {
		if (token == null || token.length() > 100) {
			throw new GatewayRejectedException("token_invalid", "The token is not valid");
		}
		Instant now = clock.instant();
		return jdbc.sql("""
				update payments.sandbox_token set used_at = :now
				where token_hash = :hash and used_at is null and expires_at > :now
				returning kind, scenario, last4, brand, exp_month, exp_year, bank_name, routing_number, account_type,
				          holder_name""")
			.param("now", Timestamp.from(now))
			.param("hash", sha256(token))
			.query((row, n) -> new StoredToken(PaymentMethodKind.valueOf(row.getString("kind")),
					SandboxScenario.valueOf(row.getString("scenario")), row.getString("last4"), row.getString("brand"),
					(Integer) row.getObject("exp_month", Integer.class), (Integer) row.getObject("exp_year", Integer.class),
					row.getString("bank_name"), row.getString("routing_number"), row.getString("account_type"),
					row.getString("holder_name")))
			.optional()
			.orElseThrow(() -> new GatewayRejectedException("token_invalid", "The token is not valid"));
	}

	private static StoredCharge charge(ResultSet row) throws SQLException {
		Timestamp finalAt = row.getTimestamp("final_at");
		return new StoredCharge(row.getString("reference"), row.getString("request_fingerprint"),
				PaymentMethodKind.valueOf(row.getString("kind")), SandboxScenario.valueOf(row.getString("scenario")),
				row.getString("last4"), row.getString("brand"), row.getLong("amount_minor"), row.getString("status"),
				row.getString("decline_reason"), finalAt == null ? null : finalAt.toInstant(), row.getLong("refunded_minor"));
	}

	private record Source(PaymentMethodKind kind, SandboxScenario scenario, String last4, @Nullable String brand) {
	}

	private record StoredToken(PaymentMethodKind kind, SandboxScenario scenario, String last4, @Nullable String brand,
			@Nullable Integer expMonth, @Nullable Integer expYear, @Nullable String bankName,
			@Nullable String routingNumber, @Nullable String accountType, @Nullable String holderName) {
	}

	private record StoredCharge(String reference, String fingerprint, PaymentMethodKind kind, SandboxScenario scenario,
			String last4, @Nullable String brand, long amountMinor, String status, @Nullable String declineReason,
			@Nullable Instant finalAt, long refundedMinor) {

		ChargeOutcome outcome() {
			return switch (status) {
				case "SUCCEEDED" -> new ChargeOutcome(reference, ChargeOutcome.Status.SUCCEEDED, null, last4, brand);
				case "PROCESSING" -> new ChargeOutcome(reference, ChargeOutcome.Status.PROCESSING, null, last4, brand);
				default -> new ChargeOutcome(reference, ChargeOutcome.Status.DECLINED,
						declineReason == null ? DeclineReason.GENERIC : DeclineReason.valueOf(declineReason), last4, brand);
			};
		}
	}

	private static String finalName(ChargeOutcome.Status status) {
		return status == ChargeOutcome.Status.DECLINED ? "FAILED" : status.name();
	}

	private static @Nullable String reasonName(@Nullable DeclineReason reason) {
		return reason == null ? null : reason.name();
	}

	private static @Nullable String brandOf(String number) {
		if (number.startsWith("4")) {
			return "visa";
		}
		int two = Integer.parseInt(number.substring(0, 2));
		int four = Integer.parseInt(number.substring(0, 4));
		if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
			return "mastercard";
		}
		if (two == 34 || two == 37) {
			return "amex";
		}
		if (number.startsWith("6011") || two == 65) {
			return "discover";
		}
		return null;
	}

	private static String bankName(String routing) {
		return routing.equals("110000000") ? "Sandbox Test Bank" : "Bank " + routing.substring(0, 4) + "…";
	}

	private static @Nullable String digits(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.replace(" ", "").replace("-", "");
		return stripped.matches("\\d{1,19}") ? stripped : null;
	}

	private static String random(int length) {
		var text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String sha256Hex(@Nullable String text) {
		return java.util.HexFormat.of().formatHex(sha256(text == null ? "" : text));
	}

	private static void sleep(java.time.Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static <T> T require(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("No result");
		}
		return value;
	}
}
