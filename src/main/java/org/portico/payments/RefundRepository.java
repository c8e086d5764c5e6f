package org.portico.payments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refunds ({@code payments.refund}) and the part of a payment ({@code payments.payment}) they change. */
@Repository
class RefundRepository {

	private final JdbcClient jdbc;

	RefundRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The payment with this receipt number, locked until the transaction ends. */
	Optional<RefundablePayment> lockByReceipt(String receiptNumber) {
		return jdbc.sql("""
				select id, account_id, receipt_number, amount_minor, currency, refunded_minor, status, gateway,
				       gateway_reference, method_kind, method_brand, method_last4
				from payments.payment where receipt_number = :receipt for update""")
			.param("receipt", receiptNumber)
			.query((row, n) -> new RefundablePayment(new PaymentId(row.getObject("id", UUID.class)),
					new ServiceAccountId(row.getObject("account_id", UUID.class)), row.getString("receipt_number"),
					row.getLong("amount_minor"), Currency.getInstance(row.getString("currency")),
					row.getLong("refunded_minor"), PaymentStatus.valueOf(row.getString("status")), row.getString("gateway"),
					row.getString("gateway_reference"), PaymentMethodKind.valueOf(row.getString("method_kind")),
					row.getString("method_brand"), row.getString("method_last4")))
			.optional();
	}

	List<StoredRefund> refundsOf(PaymentId payment) {
		return jdbc.sql("""
				select id, sequence, amount_minor, reason, operator, gateway_succeeded, created_at
				from payments.refund where payment_id = :payment order by sequence""")
			.param("payment", payment.value())
			.query((row, n) -> new StoredRefund(row.getObject("id", UUID.class), row.getInt("sequence"),
					row.getLong("amount_minor"), row.getString("reason"), row.getString("operator"),
					row.getBoolean("gateway_succeeded"), row.getTimestamp("created_at").toInstant()))
			.list();
	}

	void insert(UUID id, RefundablePayment payment, int sequence, long amountMinor, String reason, String operator,
			String idempotencyKey, String gatewayReference, boolean gatewaySucceeded, Instant at) {
		jdbc.sql("""
				insert into payments.refund (id, payment_id, sequence, amount_minor, currency, reason, operator,
				  idempotency_key, gateway_reference, gateway_succeeded, created_at)
				values (:id, :payment, :sequence, :amount, :currency, :reason, :operator, :key, :reference, :succeeded, :at)""")
			.param("id", id)
			.param("payment", payment.id().value())
			.param("sequence", sequence)
			.param("amount", amountMinor)
			.param("currency", payment.currency().getCurrencyCode())
			.param("reason", reason)
			.param("operator", operator)
			.param("key", idempotencyKey)
			.param("reference", gatewayReference)
			.param("succeeded", gatewaySucceeded)
			.param("at", Timestamp.from(at))
			.update();
	}

	void recordRefunded(PaymentId payment, long refundedMinor, PaymentStatus status, Instant at) {
		jdbc.sql("""
				update payments.payment set refunded_minor = :refunded, refunded_at = :at, status = :status,
				  version = version + 1
				where id = :id""")
			.param("refunded", refundedMinor)
			.param("at", Timestamp.from(at))
			.param("status", status.name())
			.param("id", payment.value())
			.update();
	}

	/** A payment as a refund needs it. */
	record RefundablePayment(PaymentId id, ServiceAccountId account, String receiptNumber, long amountMinor,
			Currency currency, long refundedMinor, PaymentStatus status, String gateway,
			@Nullable String gatewayReference, PaymentMethodKind kind, @Nullable String brand, @Nullable String last4) {

		Money amount() {
			return Money.ofMinor(amountMinor, currency);
		}

		long refundableMinor() {
			return amountMinor - refundedMinor;
		}
	}

	record StoredRefund(UUID id, int sequence, long amountMinor, String reason, String operator,
			boolean gatewaySucceeded, Instant createdAt) {

		LocalDate createdOn(java.time.ZoneId zone) {
			return createdAt.atZone(zone).toLocalDate();
		}
	}
}
