package org.portico.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.billing.StatementCalculator.PreviousStatement;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.AccountNumber;
import org.portico.shared.Language;
import org.portico.shared.PostalAddress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Statements in {@code billing.statement}: written once by the billing run, read by everyone after. */
@Repository
class StatementRepository {

	private static final TypeReference<List<StatementLine>> LINES = new TypeReference<>() {
	};

	private static final String SELECT = """
			select id, account_id, account_number, cycle_start, cycle_end, due_date, previous_balance_minor,
			       payments_credits_minor, new_charges_minor, taxes_minor, amount_due_minor, currency, language,
			       paperless, holder_name, bill_to, service_address, lines, ledger_watermark
			from billing.statement
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final JsonMapper json;

	/**
	 * Lines as stored: without the null fields most lines have (a tax line has no dates, offering or
	 * subscription), a quarter less jsonb for the database to parse and compress on a run's 100,000 inserts
	 * (BillingRunBenchmark); reading restores them as nulls.
	 */
	private final ObjectWriter linesWriter;

	StatementRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.json = json;
		this.linesWriter = json.rebuild()
			.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build()
			.writerFor(LINES);
	}

	void insertAll(List<StatementRecord> statements) {
		var rows = new CopyRows("billing.statement", """
				id, account_id, account_number, cycle_start, cycle_end, due_date, previous_balance_minor,
				payments_credits_minor, new_charges_minor, taxes_minor, amount_due_minor, currency, language, paperless,
				holder_name, bill_to, service_address, lines, ledger_watermark""");
		for (StatementRecord statement : statements) {
			rows.value(statement.id().value())
				.value(statement.account().value())
				.value(statement.accountNumber().digits())
				.value(statement.cycleStart())
				.value(statement.cycleEnd())
				.value(statement.dueDate())
				.value(statement.previousBalanceMinor())
				.value(statement.paymentsAndCreditsMinor())
				.value(statement.newChargesMinor())
				.value(statement.taxesMinor())
				.value(statement.amountDueMinor())
				.value(statement.currency().getCurrencyCode())
				.value(statement.language().tag())
				.value(statement.paperless())
				.value(statement.holderName())
				.value(json.writeValueAsString(statement.billTo()))
				.value(json.writeValueAsString(statement.serviceAddress()))
				.value(linesWriter.writeValueAsString(statement.lines()))
				.value(statement.ledgerWatermark())
				.endRow();
		}
		rows.copy(Objects.requireNonNull(jdbcTemplate.getDataSource()));
	}

	/** Each account's latest statement, for those that have one. */
	Map<ServiceAccountId, PreviousStatement> latest(Collection<ServiceAccountId> accounts) {
		var latest = new HashMap<ServiceAccountId, PreviousStatement>();
		if (accounts.isEmpty()) {
			return latest;
		}
		UUID[] ids = accounts.stream().map(ServiceAccountId::value).toArray(UUID[]::new);
		jdbcTemplate.query(connection -> {
			var statement = connection.prepareStatement("""
					select distinct on (account_id) id, account_id, cycle_start, due_date, amount_due_minor, ledger_watermark
					from billing.statement where account_id = any(?) order by account_id, cycle_start desc""");
			statement.setArray(1, connection.createArrayOf("uuid", ids));
			return statement;
		}, row -> {
			latest.put(new ServiceAccountId(row.getObject("account_id", UUID.class)),
					new PreviousStatement(new StatementId(row.getObject("id", UUID.class)),
							BillingCycle.starting(row.getObject("cycle_start", LocalDate.class)),
							row.getObject("due_date", LocalDate.class), row.getLong("amount_due_minor"),
							row.getLong("ledger_watermark")));
		});
		return latest;
	}

	/** Statements of these accounts due before {@code today} whose late fee has not been checked yet. */
	List<LateFeeDue> lateFeesDue(Collection<ServiceAccountId> accounts, LocalDate today) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		UUID[] ids = accounts.stream().map(ServiceAccountId::value).toArray(UUID[]::new);
		return jdbcTemplate.query(connection -> {
			var statement = connection.prepareStatement("""
					select s.id, s.account_id, s.cycle_start, s.due_date, s.amount_due_minor, s.currency,
					       coalesce((select sum(e.amount_minor) from billing.ledger_entry e
					                 where e.account_id = s.account_id and e.id > s.ledger_watermark
					                   and e.effective_on <= s.due_date and e.amount_minor < 0
					                   and e.entry_type in ('PAYMENT', 'CREDIT', 'ADJUSTMENT')
					                   and e.statement_id is distinct from s.id), 0) as received_minor
					from billing.statement s
					where s.account_id = any(?) and s.due_date < ?
					  and not exists (select 1 from billing.late_fee_check c where c.statement_id = s.id)
					order by s.account_id, s.due_date""");
			statement.setArray(1, connection.createArrayOf("uuid", ids));
			statement.setDate(2, Date.valueOf(today));
			return statement;
		}, (row, n) -> new LateFeeDue(new StatementId(row.getObject("id", UUID.class)),
				new ServiceAccountId(row.getObject("account_id", UUID.class)), row.getObject("cycle_start", LocalDate.class),
				row.getObject("due_date", LocalDate.class), row.getLong("amount_due_minor"),
				-row.getLong("received_minor")));
	}

	void recordLateFeeChecks(List<LateFeeDue> checked, List<Boolean> charged) {
		var rows = new CopyRows("billing.late_fee_check", "statement_id, checked_on, charged");
		for (int i = 0; i < checked.size(); i++) {
			rows.value(checked.get(i).statement().value())
				.value(checked.get(i).dueDate().plusDays(1))
				.value(charged.get(i))
				.endRow();
		}
		rows.copy(Objects.requireNonNull(jdbcTemplate.getDataSource()));
	}

	List<StatementRecord> findByAccount(ServiceAccountId account) {
		return jdbc.sql(SELECT + " where account_id = :account order by cycle_start desc")
			.param("account", account.value())
			.query(this::map)
			.list();
	}

	Optional<StatementRecord> find(ServiceAccountId account, StatementId id) {
		return jdbc.sql(SELECT + " where id = :id and account_id = :account")
			.param("id", id.value())
			.param("account", account.value())
			.query(this::map)
			.optional();
	}

	/**
	 * A page of the paper statements (not paperless) of one statement date, in account-number order, after
	 * {@code after} (null: from the first).
	 */
	List<StatementRecord> findPaper(LocalDate statementDate, @Nullable AccountNumber after, int limit) {
		return jdbc.sql(SELECT + """
				 where cycle_start = :date and not paperless and account_number > :after
				order by account_number limit :limit""")
			.param("date", statementDate)
			.param("after", after == null ? "" : after.digits())
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	/** Statement dates that have paper statements, newest first, with how many. */
	List<PrintBatch> printBatches(int limit) {
		return jdbc.sql("""
				select cycle_start, count(*) as statements from billing.statement where not paperless
				group by cycle_start order by cycle_start desc limit :limit""")
			.param("limit", limit)
			.query((row, n) -> new PrintBatch(row.getObject("cycle_start", LocalDate.class), row.getInt("statements")))
			.list();
	}

	long count() {
		return jdbc.sql("select count(*) from billing.statement").query(Long.class).single();
	}

	private StatementRecord map(ResultSet row, int n) throws SQLException {
		return new StatementRecord(new StatementId(row.getObject("id", UUID.class)),
				new ServiceAccountId(row.getObject("account_id", UUID.class)),
				new AccountNumber(row.getString("account_number")), row.getObject("cycle_start", LocalDate.class),
				row.getObject("cycle_end", LocalDate.class), row.getObject("due_date", LocalDate.class),
				row.getLong("previous_balance_minor"), row.getLong("payments_credits_minor"),
				row.getLong("new_charges_minor"), row.getLong("taxes_minor"), row.getLong("amount_due_minor"),
				Currency.getInstance(row.getString("currency")), Language.fromTag(row.getString("language")),
				row.getBoolean("paperless"), row.getString("holder_name"),
				json.readValue(row.getString("bill_to"), PostalAddress.class),
				json.readValue(row.getString("service_address"), PostalAddress.class),
				json.readValue(row.getString("lines"), LINES), row.getLong("ledger_watermark"));
	}

	/** A statement whose due date has passed, with what was received towards it by then. */
	record LateFeeDue(StatementId statement, ServiceAccountId account, LocalDate statementDate, LocalDate dueDate,
			long amountDueMinor, long receivedMinor) {

		boolean unpaid() {
			return amountDueMinor > 0 && receivedMinor < amountDueMinor;
		}
	}
}
