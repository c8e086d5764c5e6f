package org.portico.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each account's dunning state ({@code payments.dunning}). */
@Repository
class DunningRepository {

	private static final String COLUMNS = """
			account_id, past_due_since, last_reminder_day, last_reminder_on, suspended_on, restored_on""";

	private final JdbcClient jdbc;

	DunningRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's row, locked for the rest of the transaction; empty when dunning never saw it. */
	Optional<Row> lock(ServiceAccountId account) {
		return jdbc.sql("select " + COLUMNS + " from payments.dunning where account_id = :account for update")
			.param("account", account.value())
			.query(DunningRepository::map)
			.optional();
	}

	/** Creates the account's row (when another transaction has not just done so) and locks it. */
	Row create(ServiceAccountId account) {
		jdbc.sql("insert into payments.dunning (account_id) values (:account) on conflict (account_id) do nothing")
			.param("account", account.value())
			.update();
		return lock(account).orElseThrow();
	}

	Optional<Row> find(ServiceAccountId account) {
		return jdbc.sql("select " + COLUMNS + " from payments.dunning where account_id = :account")
			.param("account", account.value())
			.query(DunningRepository::map)
			.optional();
	}

	void update(Row row, Instant now) {
		jdbc.sql("""
				update payments.dunning set past_due_since = :since, last_reminder_day = :reminderDay,
				  last_reminder_on = :reminderOn, suspended_on = :suspendedOn, restored_on = :restoredOn,
				  updated_at = :now, version = version + 1
				where account_id = :account""")
			.param("since", row.pastDueSince())
			.param("reminderDay", row.lastReminderDay())
			.param("reminderOn", row.lastReminderOn())
			.param("suspendedOn", row.suspendedOn())
			.param("restoredOn", row.restoredOn())
			.param("now", java.sql.Timestamp.from(now))
			.param("account", row.account().value())
			.update();
	}

	/**
	 * A page of the accounts dunning is following (past due at its last look, or suspended by it), in ID
	 * order after {@code after}: those billing no longer reports past due have been paid.
	 */
	List<ServiceAccountId> followedAfter(@Nullable ServiceAccountId after, int limit) {
		return jdbc.sql("""
				select account_id from payments.dunning
				where (past_due_since is not null or suspended_on is not null) and account_id > :after
				order by account_id limit :limit""")
			.param("after", after == null ? new UUID(0, 0) : after.value())
			.param("limit", limit)
			.query((row, n) -> new ServiceAccountId(row.getObject("account_id", UUID.class)))
			.list();
	}

	private static Row map(ResultSet row, int n) throws SQLException {
		Integer reminderDay = row.getObject("last_reminder_day", Integer.class);
		return new Row(new ServiceAccountId(row.getObject("account_id", UUID.class)),
				row.getObject("past_due_since", LocalDate.class), reminderDay,
				row.getObject("last_reminder_on", LocalDate.class), row.getObject("suspended_on", LocalDate.class),
				row.getObject("restored_on", LocalDate.class));
	}

	/**
	 * @param pastDueSince the first day past due of the current run of unpaid statements; null when not past due
	 * @param lastReminderDay the reminder day of the latest reminder of the current run
	 * @param suspendedOn set while dunning holds the account suspended
	 */
	record Row(ServiceAccountId account, @Nullable LocalDate pastDueSince, @Nullable Integer lastReminderDay,
			@Nullable LocalDate lastReminderOn, @Nullable LocalDate suspendedOn, @Nullable LocalDate restoredOn) {

		boolean followed() {
			return pastDueSince != null || suspendedOn != null;
		}
	}
}
