package org.portico.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.LocalizedText;
import org.portico.customer.ServiceAccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger ({@code billing.ledger_entry}): entries are only ever added (the table refuses updates and
 * deletes). Callers hold the account's lock ({@link BillingAccountRepository}) while they post.
 */
@Repository
class LedgerRepository {

	private static final String SELECT = """
			select id, account_id, entry_type, amount_minor, currency, effective_on, description_en, description_es,
			       statement_id, reference
			from billing.ledger_entry
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	LedgerRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	void insertAll(List<NewEntry> entries) {
		var rows = new CopyRows("billing.ledger_entry", """
				account_id, entry_type, amount_minor, currency, effective_on, description_en, description_es,
				statement_id, reference""");
		for (NewEntry entry : entries) {
			rows.value(entry.account().value())
				.value(entry.type().name())
				.value(entry.amountMinor())
				.value(entry.currency())
				.value(entry.effectiveOn())
				.value(entry.description().en())
				.value(entry.description().es())
				.value(entry.statement() == null ? null : entry.statement().value())
				.value(entry.reference())
				.endRow();
		}
		rows.copy(Objects.requireNonNull(jdbcTemplate.getDataSource()));
	}

	boolean referenceExists(ServiceAccountId account, String reference) {
		return jdbc.sql("select exists (select 1 from billing.ledger_entry where account_id = :account and reference = :reference)")
			.param("account", account.value())
			.param("reference", reference)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The entries of these accounts after ledger entry {@code afterId}, oldest first: what reached each
	 * account since its last statement (the caller drops what lies before each account's own watermark).
	 */
	List<StoredEntry> after(Collection<ServiceAccountId> accounts, long afterId) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		UUID[] ids = accounts.stream().map(ServiceAccountId::value).toArray(UUID[]::new);
		return jdbcTemplate.query(connection -> {
			var statement = connection.prepareStatement(SELECT + " where account_id = any(?) and id > ? order by id");
			statement.setArray(1, connection.createArrayOf("uuid", ids));
			statement.setLong(2, afterId);
			return statement;
		}, LedgerRepository::map);
	}

	List<StoredEntry> findByAccount(ServiceAccountId account) {
		return jdbc.sql(SELECT + " where account_id = :account order by effective_on, id")
			.param("account", account.value())
			.query(LedgerRepository::map)
			.list();
	}

	long balanceMinor(ServiceAccountId account) {
		return jdbc.sql("select coalesce(sum(amount_minor), 0) from billing.ledger_entry where account_id = :account")
			.param("account", account.value())
			.query(Long.class)
			.single();
	}

	private static StoredEntry map(ResultSet row, int n) throws SQLException {
		UUID statement = row.getObject("statement_id", UUID.class);
		return new StoredEntry(row.getLong("id"), new ServiceAccountId(row.getObject("account_id", UUID.class)),
				LedgerEntryType.valueOf(row.getString("entry_type")), row.getLong("amount_minor"), row.getString("currency"),
				row.getObject("effective_on", LocalDate.class),
				LocalizedText.of(row.getString("description_en"), row.getString("description_es")),
				statement == null ? null : new StatementId(statement), row.getString("reference"));
	}

	record NewEntry(ServiceAccountId account, LedgerEntryType type, long amountMinor, String currency,
			LocalDate effectiveOn, LocalizedText description, @Nullable StatementId statement,
			@Nullable String reference) {
	}

	record StoredEntry(long id, ServiceAccountId account, LedgerEntryType type, long amountMinor, String currency,
			LocalDate effectiveOn, LocalizedText description, @Nullable StatementId statement,
			@Nullable String reference) {
	}
}
