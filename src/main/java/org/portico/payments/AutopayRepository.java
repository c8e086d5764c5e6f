package org.portico.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.billing.StatementId;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Autopay enrolments ({@code payments.autopay}), the charges made for each statement
 * ({@code payments.autopay_attempt}) and the reminders sent ({@code payments.autopay_reminder}).
 */
@Repository
class AutopayRepository {

	private static final String ENROLMENT = """
			account_id, method_id, enrolled_by, enrolled_at, enrolled_on, cancelled_at, version""";

	private static final String ATTEMPT = """
			statement_id, attempt, account_id, due_on, scheduled_on, charged_on, payment_id, amount_minor, currency,
			outcome, failure_reason, next_attempt_on, created_at""";

	private final JdbcClient jdbc;

	AutopayRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Enrolment> find(ServiceAccountId account) {
		return jdbc.sql("select " + ENROLMENT + " from payments.autopay where account_id = :account")
			.param("account", account.value())
			.query((row, n) -> enrolment(row))
			.optional();
	}

	/** Enrols the account (again, after a cancellation): false when it is enrolled already. */
	boolean enrol(ServiceAccountId account, PaymentMethodId method, LoginId by, Instant at, LocalDate on) {
		return jdbc.sql("""
				insert into payments.autopay (account_id, method_id, enrolled_by, enrolled_at, enrolled_on)
				values (:account, :method, :by, :at, :on)
				on conflict (account_id) do update set method_id = excluded.method_id, enrolled_by = excluded.enrolled_by,
				  enrolled_at = excluded.enrolled_at, enrolled_on = excluded.enrolled_on, cancelled_at = null,
				  cancelled_by = null, version = payments.autopay.version + 1
				where payments.autopay.cancelled_at is not null""")
			.param("account", account.value())
			.param("method", method.value())
			.param("by", by.value())
			.param("at", Timestamp.from(at))
			.param("on", on)
			.update() == 1;
	}

	/** Cancels the account's autopay: false when it was not enrolled. */
	boolean cancel(ServiceAccountId account, LoginId by, Instant at) {
		return jdbc.sql("""
				update payments.autopay set cancelled_at = :at, cancelled_by = :by, version = version + 1
				where account_id = :account and cancelled_at is null""")
			.param("account", account.value())
			.param("by", by.value())
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Enrolled accounts in ID order, after {@code after}: the job's pages. */
	List<ServiceAccountId> enrolledAfter(@Nullable ServiceAccountId after, int limit) {
		return jdbc.sql("""
				select account_id from payments.autopay
				where cancelled_at is null and (cast(:after as uuid) is null or account_id > cast(:after as uuid))
				order by account_id limit :limit""")
			.param("after", after == null ? null : after.value())
			.param("limit", limit)
			.query((row, n) -> new ServiceAccountId(row.getObject(1, UUID.class)))
			.list();
	}

	/** Accounts with a charge claimed or processing: the job looks at them whether enrolled or not. */
	List<ServiceAccountId> withOpenAttempts() {
		return jdbc.sql("""
				select distinct account_id from payments.autopay_attempt where outcome in ('CHARGING', 'PROCESSING')""")
			.query((row, n) -> new ServiceAccountId(row.getObject(1, UUID.class)))
			.list();
	}

	/** The statement's attempts, in order. */
	List<Attempt> attempts(StatementId statement) {
		return jdbc.sql("select " + ATTEMPT + " from payments.autopay_attempt where statement_id = :statement order by attempt")
			.param("statement", statement.value())
			.query((row, n) -> attempt(row))
			.list();
	}

	Optional<Attempt> attempt(StatementId statement, int attempt) {
		return jdbc.sql("select " + ATTEMPT + " from payments.autopay_attempt where statement_id = :statement and attempt = :n")
			.param("statement", statement.value())
			.param("n", attempt)
			.query((row, n) -> attempt(row))
			.optional();
	}

	List<Attempt> openAttempts(ServiceAccountId account) {
		return jdbc.sql("select " + ATTEMPT + """
				 from payments.autopay_attempt where account_id = :account and outcome in ('CHARGING', 'PROCESSING')
				order by statement_id, attempt""")
			.param("account", account.value())
			.query((row, n) -> attempt(row))
			.list();
	}

	/**
	 * Claims an attempt before it is charged: false when it exists already (another node, or an earlier run,
	 * has it).
	 */
	boolean claim(StatementId statement, int attempt, ServiceAccountId account, LocalDate dueOn,
			LocalDate scheduledOn, LocalDate chargedOn, Money amount, Instant at) {
		return jdbc.sql("""
				insert into payments.autopay_attempt (statement_id, attempt, account_id, due_on, scheduled_on, charged_on,
				  amount_minor, currency, outcome, created_at)
				values (:statement, :attempt, :account, :due, :scheduled, :charged, :amount, :currency, 'CHARGING', :at)
				on conflict do nothing""")
			.param("statement", statement.value())
			.param("attempt", attempt)
			.param("account", account.value())
			.param("due", dueOn)
			.param("scheduled", scheduledOn)
			.param("charged", chargedOn)
			.param("amount", amount.minorUnits())
			.param("currency", amount.currency().getCurrencyCode())
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** A claimed attempt whose payment the gateway has not answered yet (a bank debit). */
	void processing(StatementId statement, int attempt, PaymentId payment, Money amount) {
		jdbc.sql("""
				update payments.autopay_attempt set outcome = 'PROCESSING', payment_id = :payment, amount_minor = :amount,
				  version = version + 1
				where statement_id = :statement and attempt = :attempt and outcome = 'CHARGING'""")
			.param("statement", statement.value())
			.param("attempt", attempt)
			.param("payment", payment.value())
			.param("amount", amount.minorUnits())
			.update();
	}

	/**
	 * Records how an open attempt ended; false when it had ended already (the decision was made elsewhere
	 * and its event published there).
	 */
	boolean decide(StatementId statement, int attempt, String outcome, @Nullable PaymentId payment,
			@Nullable Money amount, @Nullable String failureReason, @Nullable LocalDate nextAttemptOn, Instant at) {
		return jdbc.sql("""
				update payments.autopay_attempt set outcome = :outcome, payment_id = coalesce(:payment, payment_id),
				  amount_minor = coalesce(:amount, amount_minor), failure_reason = :reason, next_attempt_on = :next,
				  decided_at = :at, version = version + 1
				where statement_id = :statement and attempt = :attempt and outcome in ('CHARGING', 'PROCESSING')""")
			.param("statement", statement.value())
			.param("attempt", attempt)
			.param("outcome", outcome)
			.param("payment", payment == null ? null : payment.value())
			.param("amount", amount == null ? null : amount.minorUnits())
			.param("reason", failureReason)
			.param("next", nextAttemptOn)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Records the reminder for a statement: false when it was sent already. */
	boolean remind(StatementId statement, ServiceAccountId account, LocalDate dueOn, Instant at) {
		return jdbc.sql("""
				insert into payments.autopay_reminder (statement_id, account_id, due_on, sent_at)
				values (:statement, :account, :due, :at) on conflict do nothing""")
			.param("statement", statement.value())
			.param("account", account.value())
			.param("due", dueOn)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	private static Enrolment enrolment(ResultSet row) throws SQLException {
		Timestamp cancelled = row.getTimestamp("cancelled_at");
		return new Enrolment(new ServiceAccountId(row.getObject("account_id", UUID.class)),
				new PaymentMethodId(row.getObject("method_id", UUID.class)),
				new LoginId(row.getObject("enrolled_by", UUID.class)), row.getTimestamp("enrolled_at").toInstant(),
				row.getObject("enrolled_on", LocalDate.class), cancelled == null ? null : cancelled.toInstant(),
				row.getInt("version"));
	}

	private static Attempt attempt(ResultSet row) throws SQLException {
		UUID payment = row.getObject("payment_id", UUID.class);
		String currency = row.getString("currency");
		long amount = row.getLong("amount_minor");
		return new Attempt(new StatementId(row.getObject("statement_id", UUID.class)), row.getInt("attempt"),
				new ServiceAccountId(row.getObject("account_id", UUID.class)), row.getObject("due_on", LocalDate.class),
				row.getObject("scheduled_on", LocalDate.class), row.getObject("charged_on", LocalDate.class),
				payment == null ? null : new PaymentId(payment),
				currency == null ? null : Money.ofMinor(amount, Currency.getInstance(currency)), row.getString("outcome"),
				row.getString("failure_reason"), row.getObject("next_attempt_on", LocalDate.class),
				row.getTimestamp("created_at").toInstant());
	}

	/** An account's enrolment; cancelled when {@code cancelledAt} is set. */
	record Enrolment(ServiceAccountId account, PaymentMethodId method, LoginId enrolledBy, Instant enrolledAt,
			LocalDate enrolledOn, @Nullable Instant cancelledAt, int version) {

		boolean active() {
			return cancelledAt == null;
		}
	}

	/** One autopay charge of a statement. */
	record Attempt(StatementId statement, int attempt, ServiceAccountId account, LocalDate dueOn, LocalDate scheduledOn,
			LocalDate chargedOn, @Nullable PaymentId payment, @Nullable Money amount, String outcome,
			@Nullable String failureReason, @Nullable LocalDate nextAttemptOn, Instant createdAt) {

		boolean open() {
			return outcome.equals("CHARGING") || outcome.equals("PROCESSING");
		}
	}
}
