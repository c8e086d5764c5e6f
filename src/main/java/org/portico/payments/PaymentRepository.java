package org.portico.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payments ({@code payments.payment}): one row per payment form, whatever happened to it. */
@Repository
class PaymentRepository {

	private static final String COLUMNS = """
			id, account_id, receipt_number, idempotency_key, amount_minor, currency, method_id, method_kind, method_brand,
			method_last4, gateway, gateway_customer, gateway_method, one_time, gateway_reference, status, failure_reason,
			submitted_by, submitted_at, submitted_on, settled_at, failed_at, refunded_minor, refunded_at""" + " ";

	private static final String PREFIXED_COLUMNS = java.util.Arrays.stream(COLUMNS.split(","))
		.map(column -> "p." + column.strip())
		.collect(java.util.stream.Collectors.joining(", "));

	private final JdbcClient jdbc;

	PaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new payment, processing; false when one with this idempotency key exists already, or (rarely) this
	 * receipt number is taken: the caller tells which by looking the key up.
	 */
	boolean insert(NewPayment payment) {
		return jdbc.sql("""
				insert into payments.payment (id, account_id, receipt_number, idempotency_key, amount_minor, currency,
				  method_id, method_kind, method_brand, method_last4, gateway, gateway_customer, gateway_method, one_time,
				  status, submitted_by, submitted_at, submitted_on, next_check_at)
				values (:id, :account, :receipt, :key, :amount, :currency, :method, :kind, :brand, :last4, :gateway,
				  :customer, :gatewayMethod, :oneTime, 'PROCESSING', :by, :at, :on, :nextCheck)
				on conflict do nothing""")
			.param("id", payment.id().value())
			.param("account", payment.account().value())
			.param("receipt", payment.receiptNumber())
			.param("key", payment.idempotencyKey())
			.param("amount", payment.amount().minorUnits())
			.param("currency", payment.amount().currency().getCurrencyCode())
			.param("method", payment.method() == null ? null : payment.method().value())
			.param("kind", payment.kind().name())
			.param("brand", payment.brand())
			.param("last4", payment.last4())
			.param("gateway", payment.gateway())
			.param("customer", payment.gatewayCustomer())
			.param("gatewayMethod", payment.gatewayMethod())
			.param("oneTime", payment.oneTime())
			.param("by", payment.payer() == null ? null : payment.payer().value())
			.param("at", Timestamp.from(payment.submittedAt()))
			.param("on", payment.submittedOn())
			.param("nextCheck", Timestamp.from(payment.nextCheckAt()))
			.update() == 1;
	}

	Optional<Stored> findByKey(String idempotencyKey) {
		return jdbc.sql("select " + COLUMNS + " from payments.payment where idempotency_key = :key")
			.param("key", idempotencyKey)
			.query((row, n) -> stored(row))
			.optional();
	}

	Optional<Stored> find(PaymentId id) {
		return jdbc.sql("select " + COLUMNS + " from payments.payment where id = :id")
			.param("id", id.value())
			.query((row, n) -> stored(row))
			.optional();
	}

	Optional<Payment> findByReceipt(ServiceAccountId account, String receiptNumber) {
		return jdbc.sql("select " + COLUMNS + " from payments.payment where account_id = :account and receipt_number = :receipt")
			.param("account", account.value())
			.param("receipt", receiptNumber)
			.query((row, n) -> stored(row).payment())
			.optional();
	}

	List<Payment> findByAccount(ServiceAccountId account, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from payments.payment where account_id = :account order by submitted_at desc, id limit :limit""")
			.param("account", account.value())
			.param("limit", limit)
			.query((row, n) -> stored(row).payment())
			.list();
	}

	/** Processing payments of the account, in minor units. */
	long pendingMinor(ServiceAccountId account) {
		return jdbc.sql("""
				select coalesce(sum(amount_minor), 0) from payments.payment
				where account_id = :account and status = 'PROCESSING'""")
			.param("account", account.value())
			.query(Long.class)
			.single();
	}

	Map<ServiceAccountId, Long> pendingMinor(Collection<ServiceAccountId> accounts, LocalDate submittedBy) {
		var result = new HashMap<ServiceAccountId, Long>();
		if (accounts.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select account_id, sum(amount_minor) as pending from payments.payment
				where account_id = any(:accounts) and status = 'PROCESSING' and submitted_on <= :by
				group by account_id""")
			.param("accounts", accounts.stream().map(ServiceAccountId::value).toArray(UUID[]::new))
			.param("by", submittedBy)
			.query(row -> {
				result.put(new ServiceAccountId(row.getObject("account_id", UUID.class)), row.getLong("pending"));
			});
		return result;
	}

	void recordGatewayReference(PaymentId id, String reference) {
		jdbc.sql("update payments.payment set gateway_reference = :reference where id = :id and gateway_reference is null")
			.param("reference", reference)
			.param("id", id.value())
			.update();
	}

	/** Settles a processing payment; false when it was not processing any more (someone else settled it). */
	boolean markSettled(PaymentId id, String gatewayReference, Instant at) {
		return jdbc.sql("""
				update payments.payment set status = 'SETTLED', settled_at = :at, gateway_reference = :reference,
				  next_check_at = null, version = version + 1
				where id = :id and status = 'PROCESSING'""")
			.param("id", id.value())
			.param("reference", gatewayReference)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Fails a processing payment; false when it was not processing any more. */
	boolean markFailed(PaymentId id, @Nullable String gatewayReference, String reason, Instant at) {
		return jdbc.sql("""
				update payments.payment set status = 'FAILED', failed_at = :at, failure_reason = :reason,
				  gateway_reference = coalesce(:reference, gateway_reference), next_check_at = null, version = version + 1
				where id = :id and status = 'PROCESSING'""")
			.param("id", id.value())
			.param("reference", gatewayReference)
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Processing payments due a look from the reconciliation, oldest first, claimed by pushing their next look on. */
	List<Stored> claimDue(Instant now, Instant nextLook, int limit) {
		return jdbc.sql("update payments.payment p set next_check_at = :next, check_attempts = p.check_attempts + 1 "
				+ "from (select id from payments.payment where status = 'PROCESSING' and next_check_at <= :now "
				+ "order by next_check_at limit :limit for update skip locked) due where p.id = due.id returning "
				+ PREFIXED_COLUMNS)
			.param("now", Timestamp.from(now))
			.param("next", Timestamp.from(nextLook))
			.param("limit", limit)
			.query((row, n) -> stored(row))
			.list();
	}

	long countProcessingOlderThan(Instant before) {
		return jdbc.sql("select count(*) from payments.payment where status = 'PROCESSING' and submitted_at < :before")
			.param("before", Timestamp.from(before))
			.query(Long.class)
			.single();
	}

	private static Stored stored(ResultSet row) throws SQLException {
		var currency = Currency.getInstance(row.getString("currency"));
		Timestamp settled = row.getTimestamp("settled_at");
		Timestamp failed = row.getTimestamp("failed_at");
		Timestamp refunded = row.getTimestamp("refunded_at");
		UUID method = row.getObject("method_id", UUID.class);
		UUID by = row.getObject("submitted_by", UUID.class);
		var payment = new Payment(new PaymentId(row.getObject("id", UUID.class)),
				new ServiceAccountId(row.getObject("account_id", UUID.class)), row.getString("receipt_number"),
				Money.ofMinor(row.getLong("amount_minor"), currency), PaymentMethodKind.valueOf(row.getString("method_kind")),
				row.getString("method_brand"), row.getString("method_last4"), PaymentStatus.valueOf(row.getString("status")),
				row.getString("failure_reason"), row.getTimestamp("submitted_at").toInstant(),
				row.getObject("submitted_on", LocalDate.class), settled == null ? null : settled.toInstant(),
				failed == null ? null : failed.toInstant(), Money.ofMinor(row.getLong("refunded_minor"), currency),
				refunded == null ? null : refunded.toInstant());
		return new Stored(payment, row.getString("idempotency_key"), method == null ? null : new PaymentMethodId(method),
				row.getString("gateway"), row.getString("gateway_customer"), row.getString("gateway_method"),
				row.getBoolean("one_time"), row.getString("gateway_reference"), by == null ? null : new LoginId(by));
	}

	/** A payment with what Portico needs to ask the gateway about it again. */
	record Stored(Payment payment, String idempotencyKey, @Nullable PaymentMethodId method, String gateway,
			String gatewayCustomer, String gatewayMethod, boolean oneTime, @Nullable String gatewayReference,
			@Nullable LoginId payer) {
	}

	record NewPayment(PaymentId id, ServiceAccountId account, String receiptNumber, String idempotencyKey, Money amount,
			@Nullable PaymentMethodId method, PaymentMethodKind kind, @Nullable String brand, @Nullable String last4,
			String gateway, String gatewayCustomer, String gatewayMethod, boolean oneTime, @Nullable LoginId payer,
			Instant submittedAt, LocalDate submittedOn, Instant nextCheckAt) {

		/** The row as just inserted (processing), without reading it back. */
		Stored asStored() {
			var payment = new Payment(id, account, receiptNumber, amount, kind, brand, last4, PaymentStatus.PROCESSING,
					null, submittedAt, submittedOn, null, null, Money.zero(amount.currency()), null);
			return new Stored(payment, idempotencyKey, method, gateway, gatewayCustomer, gatewayMethod, oneTime, null,
					payer);
		}
	}
}
