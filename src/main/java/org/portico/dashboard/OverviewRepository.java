package org.portico.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
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
					autopay == null ? AutopayTile.off() : json.readValue(autopay, AutopayTile.class), rs.getLong("version"),
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

	/** Stores the tiles, leaving autopay as it is unless a first row is written with {@code autopay}. */
	void save(ServiceAccountId account, AccountOverview overview, @Nullable AutopayTile autopay, Instant now) {
		jdbc.sql("""
				insert into dashboard.account_overview (account_id, overview, autopay, refreshed_at)
				values (:account, cast(:overview as jsonb), cast(:autopay as jsonb), :now)
				on conflict (account_id) do update
				set overview = excluded.overview, version = account_overview.version + 1, refreshed_at = excluded.refreshed_at
				""")
			.param("account", account.value())
			.param("overview", json.writeValueAsString(overview))
			.param("autopay", autopay == null ? null : json.writeValueAsString(autopay))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** The autopay tile as it is stored; off when there is no row or none was stored yet. */
	Optional<AutopayTile> autopay(ServiceAccountId account) {
		return jdbc.sql("select autopay from dashboard.account_overview where account_id = :account and autopay is not null")
			.param("account", account.value())
			.query(String.class)
			.optional()
			.map(text -> json.readValue(text, AutopayTile.class));
	}

	/** Replaces the autopay tile of an existing row; false when the account has no row yet. */
	boolean saveAutopay(ServiceAccountId account, AutopayTile autopay, Instant now) {
		return jdbc.sql("""
				update dashboard.account_overview
				set autopay = cast(:autopay as jsonb), version = version + 1, refreshed_at = :now
				where account_id = :account
				""")
			.param("account", account.value())
			.param("autopay", json.writeValueAsString(autopay))
			.param("now", Timestamp.from(now))
			.update() == 1;
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
