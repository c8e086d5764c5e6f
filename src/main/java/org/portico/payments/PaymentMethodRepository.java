package org.portico.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.payments.integration.GatewayMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved methods ({@code payments.payment_method}), gateway customers and consents. */
@Repository
class PaymentMethodRepository {

	private static final String COLUMNS = """
			id, account_id, kind, last4, brand, exp_month, exp_year, bank_name, routing_number, account_type,
			holder_name, is_default, created_at, gateway_customer, gateway_reference""" + " ";

	private final JdbcClient jdbc;

	PaymentMethodRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's methods still on file, the default first, then newest first. */
	List<PaymentMethod> findActive(ServiceAccountId account) {
		return jdbc.sql("select " + COLUMNS + """
				 from payments.payment_method where account_id = :account and removed_at is null
				order by is_default desc, created_at desc, id""")
			.param("account", account.value())
			.query((row, n) -> map(row))
			.list();
	}

	Optional<Stored> find(ServiceAccountId account, PaymentMethodId id) {
		// a one-line text block loses its leading space: the separator is outside it
		return jdbc.sql("select " + COLUMNS + " " + """
				from payments.payment_method where account_id = :account and id = :id and removed_at is null""")
			.param("account", account.value())
			.param("id", id.value())
			.query((row, n) -> new Stored(map(row), new GatewayMethod.Reference(row.getString("gateway_customer"),
					row.getString("gateway_reference"))))
			.optional();
	}

	Optional<String> gatewayCustomer(ServiceAccountId account, String gateway) {
		return jdbc.sql("select reference from payments.gateway_customer where account_id = :account and gateway = :gateway")
			.param("account", account.value())
			.param("gateway", gateway)
			.query(String.class)
			.optional();
	}

	void rememberGatewayCustomer(ServiceAccountId account, String gateway, String reference) {
		jdbc.sql("""
				insert into payments.gateway_customer (account_id, gateway, reference) values (:account, :gateway, :reference)
				on conflict (account_id, gateway) do nothing""")
			.param("account", account.value())
			.param("gateway", gateway)
			.param("reference", reference)
			.update();
	}

	void insert(PaymentMethodId id, ServiceAccountId account, String gateway, GatewayMethod method, boolean isDefault,
			LoginId addedBy, Instant at) {
		jdbc.sql("""
				insert into payments.payment_method (id, account_id, kind, gateway, gateway_customer, gateway_reference,
				  last4, brand, exp_month, exp_year, bank_name, routing_number, account_type, holder_name, is_default,
				  added_by, created_at)
				values (:id, :account, :kind, :gateway, :customer, :reference, :last4, :brand, :expMonth, :expYear,
				  :bankName, :routing, :accountType, :holder, :isDefault, :addedBy, :at)""")
			.param("id", id.value())
			.param("account", account.value())
			.param("kind", method.kind().name())
			.param("gateway", gateway)
			.param("customer", method.reference().customer())
			.param("reference", method.reference().method())
			.param("last4", method.last4())
			.param("brand", method.brand())
			.param("expMonth", method.expMonth())
			.param("expYear", method.expYear())
			.param("bankName", method.bankName())
			.param("routing", method.routingNumber())
			.param("accountType", method.accountType())
			.param("holder", method.holderName())
			.param("isDefault", isDefault)
			.param("addedBy", addedBy.value())
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Makes {@code id} the account's default (and no other); false when it is not on file. */
	boolean makeDefault(ServiceAccountId account, PaymentMethodId id) {
		boolean exists = jdbc.sql("""
				select count(*) from payments.payment_method where account_id = :account and id = :id and removed_at is null""")
			.param("account", account.value())
			.param("id", id.value())
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			return false;
		}
		// the old default first: a unique index is checked row by row, not at the end of the statement, so
		// setting both in one update fails whenever PostgreSQL happens to visit the new default first
		jdbc.sql("""
				update payments.payment_method set is_default = false, version = version + 1
				where account_id = :account and removed_at is null and is_default and id <> :id""")
			.param("account", account.value())
			.param("id", id.value())
			.update();
		jdbc.sql("""
				update payments.payment_method set is_default = true, version = version + 1
				where account_id = :account and id = :id and not is_default""")
			.param("account", account.value())
			.param("id", id.value())
			.update();
		return true;
	}

	/** Marks the method removed; returns whether it was on file (and was the default). */
	Optional<Boolean> remove(ServiceAccountId account, PaymentMethodId id, Instant at) {
		return jdbc.sql("""
				update payments.payment_method set removed_at = :at, is_default = false, version = version + 1
				where account_id = :account and id = :id and removed_at is null
				returning (select is_default from payments.payment_method where id = :id)""")
			.param("account", account.value())
			.param("id", id.value())
			.param("at", Timestamp.from(at))
			.query(Boolean.class)
			.optional();
	}

	/** Locks the account's methods (its first one decides the default): adding and removing queue behind it. */
	void lockAccount(ServiceAccountId account) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('payments.method:' || :account, 0))")
			.param("account", account.value().toString())
			.query((row, n) -> 1)
			.list();
	}

	void recordConsent(ServiceAccountId account, LoginId login, Consent.Kind kind, Consent consent,
			@Nullable PaymentMethodId method, @Nullable PaymentId payment, Instant at) {
		jdbc.sql("""
				insert into payments.consent (id, account_id, login_id, kind, text, payment_method_id, payment_id,
				  given_at, source_address)
				values (:id, :account, :login, :kind, :text, :method, :payment, :at, :source)""")
			.param("id", UUID.randomUUID())
			.param("account", account.value())
			.param("login", login.value())
			.param("kind", kind.name())
			.param("text", consent.text())
			.param("method", method == null ? null : method.value())
			.param("payment", payment == null ? null : payment.value())
			.param("at", Timestamp.from(at))
			.param("source", consent.sourceAddress())
			.update();
	}

	/**
	 * Cards on file whose expiry month lies between {@code from} and {@code through} (inclusive) and that no
	 * warning went out for at that expiry yet, oldest expiry first, locked for this transaction (another
	 * node's run skips them).
	 */
	List<PaymentMethod> cardsToWarn(YearMonth from, YearMonth through, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from payments.payment_method
				where kind = 'CARD' and removed_at is null
				  and (exp_year, exp_month) >= (:fromYear, :fromMonth) and (exp_year, exp_month) <= (:toYear, :toMonth)
				  and expiry_warned_for is distinct from exp_year * 100 + exp_month
				order by exp_year, exp_month, id
				limit :limit
				for update skip locked""")
			.param("fromYear", from.getYear())
			.param("fromMonth", from.getMonthValue())
			.param("toYear", through.getYear())
			.param("toMonth", through.getMonthValue())
			.param("limit", limit)
			.query((row, n) -> map(row))
			.list();
	}

	/** Remembers that the card's owner was warned about this expiry. */
	void markExpiryWarned(PaymentMethodId id, YearMonth expires) {
		jdbc.sql("""
				update payments.payment_method set expiry_warned_for = :expiry, version = version + 1 where id = :id""")
			.param("id", id.value())
			.param("expiry", expires.getYear() * 100 + expires.getMonthValue())
			.update();
	}

	private static PaymentMethod map(ResultSet row) throws SQLException {
		Integer month = (Integer) row.getObject("exp_month", Integer.class);
		Integer year = (Integer) row.getObject("exp_year", Integer.class);
		return new PaymentMethod(new PaymentMethodId(row.getObject("id", UUID.class)),
				new ServiceAccountId(row.getObject("account_id", UUID.class)),
				PaymentMethodKind.valueOf(row.getString("kind")), row.getString("last4"), row.getString("brand"),
				month == null || year == null ? null : YearMonth.of(year, month), row.getString("bank_name"),
				row.getString("routing_number"), row.getString("account_type"), row.getString("holder_name"),
				row.getBoolean("is_default"), row.getTimestamp("created_at").toInstant());
	}

	/** A method with the gateway's reference to charge it by. */
	record Stored(PaymentMethod method, GatewayMethod.Reference reference) {
	}
}
