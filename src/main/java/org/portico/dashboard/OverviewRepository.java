package org.portico.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.portico.customer.ServiceAccountId;
import org.portico.payments.AutopayState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's projection, dashboard.account_overview: one row per account, its tiles as JSON. */
@Repository
class OverviewRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	OverviewRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A row as stored. */
	record Stored(ServiceAccountId account, AccountOverview overview, AutopayTile autopay, long version,
			Instant refreshedAt) {
	}

	/** The page's one query. */
	Optional<Stored> find(ServiceAccountId account) {
		return jdbc.sql("""
				select overview, autopay, version, refreshed_at from dashboard.account_overview where account_id = :account
				""").param("account", account.value()).query((rs, n) -> {
			String autopay = rs.getString("autopay");
			return new Stored(account, json.readValue(rs.getString("overview"), AccountOverview.class),
					autopay == null ? AutopayTile.of(AutopayState.off()) : json.readValue(autopay, AutopayTile.class), rs.getLong("version"),
					rs.getTimestamp("refreshed_at").toInstant());
		}).optional();
	}

	/**
	 * Serialises refreshes of one account (two events at once, or an event and a first view): the second
	 * waits, then reads what the first committed. Held until the end of the caller's transaction.
	 */
	void lock(ServiceAccountId account) {
		jdbc.sql("select pg_advisory_xact_lock(:key)")
			.param("key", account.value().getMostSignificantBits() ^ account.value().getLeastSignificantBits())
			.query((rs, n) -> 1)
			.list();
	}

	/** Stores the tiles. */
	void save(ServiceAccountId account, AccountOverview overview, AutopayTile autopay, Instant now) {
		jdbc.sql("""
				insert into dashboard.account_overview (account_id, overview, autopay, refreshed_at)
				values (:account, cast(:overview as jsonb), cast(:autopay as jsonb), :now)
				on conflict (account_id) do update
				set overview = excluded.overview, autopay = excluded.autopay, version = account_overview.version + 1,
				    refreshed_at = excluded.refreshed_at
				""")
			.param("account", account.value())
			.param("overview", json.writeValueAsString(overview))
			.param("autopay", json.writeValueAsString(autopay))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Which of these accounts have no row yet. */
	Set<ServiceAccountId> missing(Collection<ServiceAccountId> accounts) {
		if (accounts.isEmpty()) {
			return Set.of();
		}
		List<UUID> ids = accounts.stream().map(ServiceAccountId::value).toList();
		Set<UUID> present = new HashSet<>(jdbc.sql("""
				select account_id from dashboard.account_overview where account_id = any(:ids)
				""").param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list());
		var missing = new HashSet<ServiceAccountId>();
		for (ServiceAccountId account : accounts) {
			if (!present.contains(account.value())) {
				missing.add(account);
			}
		}
		return missing;
	}
}
