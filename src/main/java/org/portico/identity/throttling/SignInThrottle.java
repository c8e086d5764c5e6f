package org.portico.identity.throttling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.identity.ClientInfo;
import org.portico.identity.LoginId;
import org.portico.identity.LoginLocked;
import org.portico.identity.SecurityActivity;
import org.portico.identity.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in throttling rules of DECISIONS.md “Security mechanics”, state in PostgreSQL:
 * <ul>
 * <li>per login and source: after 5 consecutive failures, refused for 2^(n−5) seconds (n failures), at most
 * 15 minutes; a successful sign-in resets it (and so does a day without failures);</li>
 * <li>per login across sources: 100 failures in 24 hours lock it for an hour and email the owner; a device
 * the login signed in from before is not locked out;</li>
 * <li>per source across logins: 50 failures in an hour refuse the source for 15 minutes.</li>
 * </ul>
 * Only failures count. “Login” is the login an identifier names, else the normalised identifier itself, so
 * that unknown identifiers are throttled exactly like known ones (no enumeration). Every counter changes in
 * one {@code INSERT ... ON CONFLICT DO UPDATE} with the arithmetic in SQL: nodes cannot lose a count.
 */
@Service
public class SignInThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecurityActivity activity;

	private final ApplicationEventPublisher events;

	private final ThrottleProperties limits;

	SignInThrottle(JdbcClient jdbc, Clock clock, SecurityActivity activity, ApplicationEventPublisher events,
			ThrottleProperties limits) {
		this.limits = limits;
		this.jdbc = jdbc;
		this.clock = clock;
		this.activity = activity;
		this.events = events;
	}

	/** Who an attempt is for: the login an identifier names (if any) and the throttled subject. */
	public record Subject(@Nullable LoginId login, String key) {

		/** For an identifier as typed and the login it names, if any. */
		public static Subject of(String identifier, @Nullable LoginId login) {
			return login != null ? of(login)
					: new Subject(null, sha256("identifier:" + identifier.strip().toLowerCase(Locale.ROOT)));
		}

		public static Subject of(LoginId login) {
			return new Subject(login, sha256("login:" + login.value()));
		}
	}

	/** Why an attempt is refused and until when. */
	public record Refusal(Instant until, String rule) {
	}

	/** The current state for an attempt, before any password is checked. */
	@Transactional(readOnly = true)
	public Optional<Refusal> check(Subject subject, String sourceIp, KnownDeviceCheck knownDevice) {
		Instant now = clock.instant();
		var row = jdbc.sql("""
				select (select refused_until from identity.throttle_source where source_ip = :ip) as source_until,
				       (select refused_until from identity.throttle_subject_source
				         where subject = :subject and source_ip = :ip) as pair_until,
				       (select refused_until from identity.throttle_subject where subject = :subject) as subject_until
				""")
			.param("ip", sourceIp)
			.param("subject", subject.key())
			.query((rs, n) -> new Instant[] { instant(rs.getObject("source_until", OffsetDateTime.class)),
					instant(rs.getObject("pair_until", OffsetDateTime.class)),
					instant(rs.getObject("subject_until", OffsetDateTime.class)) })
			.single();
		Refusal refusal = null;
		if (row[0] != null && row[0].isAfter(now)) {
			refusal = new Refusal(row[0], "source");
		}
		if (row[1] != null && row[1].isAfter(now) && (refusal == null || row[1].isAfter(refusal.until()))) {
			refusal = new Refusal(row[1], "login-and-source");
		}
		if (row[2] != null && row[2].isAfter(now) && (refusal == null || row[2].isAfter(refusal.until()))
				&& !(subject.login() != null && knownDevice.isKnown(subject.login()))) {
			refusal = new Refusal(row[2], "login");
		}
		return Optional.ofNullable(refusal);
	}

	/** Whether the device the attempt comes from signed in as the login before. */
	@FunctionalInterface
	public interface KnownDeviceCheck {

		boolean isKnown(LoginId login);
	}

	/**
	 * Counts a failed sign-in under every rule. When it locks a login that exists, the lock is logged and
	 * {@link LoginLocked} published (in this transaction, so the owner's email is not lost).
	 */
	@Transactional
	public void recordFailure(Subject subject, String sourceIp, ClientInfo client) {
		Instant now = clock.instant();
		String n = "(case when t.last_failure_at <= :forget then 1 else t.failures + 1 end)";
		jdbc.sql("""
				insert into identity.throttle_subject_source as t (subject, source_ip, failures, last_failure_at, refused_until)
				values (:subject, :ip, 1, :now, null)
				on conflict (subject, source_ip) do update set
				    failures = %1$s,
				    last_failure_at = :now,
				    refused_until = case when %1$s >= :free
				        then cast(:now as timestamptz) + least(power(2, least(%1$s - :free, 20)), :max) * interval '1 second'
				        else null end
				""".formatted(n))
			.param("subject", subject.key())
			.param("ip", sourceIp)
			.param("now", timestamp(now))
			.param("forget", timestamp(now.minus(limits.forgetAfter())))
			.param("free", limits.freeFailures())
			.param("max", limits.maxRefusal().toSeconds())
			.update();
		Instant lockedUntil = now.plus(limits.loginLock());
		boolean locked = window("throttle_subject", "subject", subject.key(), now, limits.loginWindow(),
				limits.loginFailures(), lockedUntil);
		window("throttle_source", "source_ip", sourceIp, now, limits.sourceWindow(), limits.sourceFailures(),
				now.plus(limits.sourceRefusal()));
		if (locked && subject.login() != null) {
			activity.record(subject.login(), SecurityEventType.LOCKED, client, "until " + lockedUntil);
			events.publishEvent(new LoginLocked(subject.login(), lockedUntil));
		}
	}

	/** A successful sign-in: the login's consecutive failures from this source are forgotten. */
	@Transactional
	public void recordSuccess(LoginId login, String sourceIp) {
		jdbc.sql("delete from identity.throttle_subject_source where subject = :subject and source_ip = :ip")
			.param("subject", Subject.of(login).key())
			.param("ip", sourceIp)
			.update();
	}

	/**
	 * Counts a failure in a fixed window that starts at its first failure; reaching {@code limit} refuses
	 * until {@code refuseUntil} (unless already refused) and starts a new window.
	 *
	 * @return whether this failure started a refusal (the only time the count is left at 0)
	 */
	private boolean window(String table, String keyColumn, String key, Instant now, Duration window, int limit,
			Instant refuseUntil) {
		String n = "(case when t.window_start <= :expired then 1 else t.failures + 1 end)";
		String starts = "(%s >= :limit and (t.refused_until is null or t.refused_until <= :now))".formatted(n);
		return jdbc.sql("""
				insert into identity.%1$s as t (%2$s, window_start, failures, refused_until)
				values (:key, :now, 1, null)
				on conflict (%2$s) do update set
				    failures = case when %4$s then 0 else %3$s end,
				    window_start = case when %4$s or t.window_start <= :expired then :now else t.window_start end,
				    refused_until = case when %4$s then :until else t.refused_until end
				returning failures = 0
				""".formatted(table, keyColumn, n, starts))
			.param("key", key)
			.param("now", timestamp(now))
			.param("expired", timestamp(now.minus(window)))
			.param("limit", limit)
			.param("until", timestamp(refuseUntil))
			.query(Boolean.class)
			.single();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
