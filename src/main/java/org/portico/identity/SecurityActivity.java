package org.portico.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only security log (sign-ins, failures, refusals, locks, password changes, revoked sessions,
 * rejected requests). An event joins the caller's transaction when there is one: a separate transaction
 * would hold a second pooled connection per request, and under a sign-in flood every connection ended up
 * held by a request waiting for another (found by {@code SignInBenchmark}). Failures are recorded outside
 * of any transaction that could roll them back. Details never carry passwords, codes, tokens or full emails.
 */
@Service
public class SecurityActivity {

	private final JdbcClient jdbc;

	private final IpLocation locations;

	private final Clock clock;

	SecurityActivity(JdbcClient jdbc, IpLocation locations, Clock clock) {
		this.jdbc = jdbc;
		this.locations = locations;
		this.clock = clock;
	}

	@Transactional
	public void record(@Nullable LoginId login, SecurityEventType type, ClientInfo client, @Nullable String detail) {
		String place = client.place() != null ? client.place()
				: client.ip() == null ? null : locations.placeOf(client.ip()).orElse(null);
		jdbc.sql("""
				insert into identity.security_event (login_id, type, occurred_at, source_ip, user_agent, place, detail)
				values (:login, :type, :at, :ip, :agent, :place, :detail)
				""")
			.param("login", login == null ? null : login.value())
			.param("type", type.name())
			.param("at", Timestamp.from(clock.instant()))
			.param("ip", client.ip())
			.param("agent", client.userAgent())
			.param("place", place)
			.param("detail", detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300))
			.update();
	}

	/** The login's most recent events, newest first. */
	@Transactional(readOnly = true)
	public List<SecurityEvent> recent(LoginId login, int limit) {
		return jdbc.sql("""
				select id, type, occurred_at, source_ip, user_agent, place, detail from identity.security_event
				where login_id = :login order by occurred_at desc, id desc limit :limit
				""")
			.param("login", login.value())
			.param("limit", limit)
			.query((rs, n) -> new SecurityEvent(rs.getLong("id"), SecurityEventType.valueOf(rs.getString("type")),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("source_ip"), rs.getString("user_agent"),
					rs.getString("place"), rs.getString("detail")))
			.list();
	}

	/** Whether the login ever had an event of this type (one index probe, not a count of its history). */
	@Transactional(readOnly = true)
	public boolean hasAny(LoginId login, SecurityEventType type) {
		return jdbc.sql("""
				select exists (select 1 from identity.security_event where login_id = :login and type = :type)
				""").param("login", login.value()).param("type", type.name()).query(Boolean.class).single();
	}

	/** Events of a type for a login since a moment (throttling and tests count them). */
	@Transactional(readOnly = true)
	public long count(LoginId login, SecurityEventType type, Instant since) {
		return jdbc.sql("""
				select count(*) from identity.security_event
				where login_id = :login and type = :type and occurred_at >= :since
				""")
			.param("login", login.value())
			.param("type", type.name())
			.param("since", Timestamp.from(since))
			.query(Long.class)
			.single();
	}
}
