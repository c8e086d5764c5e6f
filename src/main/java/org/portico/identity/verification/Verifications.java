package org.portico.identity.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.identity.LoginId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes (6 digits) and links (a random token in a URL) for one purpose each (DECISIONS.md
 * “Security mechanics”): stored only as SHA-256 hashes, bound to the browser that asked (the hash of a
 * random token kept in its session), single use, expiring, at most {@value #MAX_ATTEMPTS} tries each, at
 * most 3 issued per 15 minutes and 10 per day per subject and purpose. A new code for the same subject,
 * purpose and browser replaces the previous ones. Comparison is constant-time.
 */
@Service
public class Verifications {

	public static final int MAX_ATTEMPTS = 5;

	static final int PER_QUARTER_HOUR = 3;

	static final int PER_DAY = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Verifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What to send: the code or link token exists only here and in the message, never at rest. */
	public record Issued(UUID id, String secret, Instant expiresAt, Duration lifetime) {

		/** Minutes the code or link stays valid, for the message. */
		public long minutes() {
			return lifetime.toMinutes();
		}
	}

	/** A verification as stored (without its secret). */
	public record Verification(UUID id, VerificationPurpose purpose, String subject, @Nullable LoginId login,
			@Nullable UUID person, String channel, @Nullable String payload) {
	}

	public enum Status {
		/** Right code or link, now used up. */
		VALID,
		/** Wrong code; tries remain. */
		WRONG,
		/** Past its lifetime, or replaced by a newer one. */
		EXPIRED,
		/** Already used once. */
		USED,
		/** Five wrong tries: it no longer works. */
		TOO_MANY_TRIES,
		/** No such code or link for this purpose in this browser (including a link opened in another browser). */
		UNKNOWN
	}

	public record Outcome(Status status, @Nullable Verification verification, int triesLeft) {

		public boolean valid() {
			return status == Status.VALID;
		}
	}

	/** Issues a 6-digit code. */
	@Transactional
	public Issued issueCode(VerificationPurpose purpose, String subject, @Nullable LoginId login, @Nullable UUID person,
			String channel, @Nullable String payload, String browserToken) {
		UUID id = UUID.randomUUID();
		String code = String.format("%06d", random.nextInt(1_000_000));
		return issue(id, purpose, subject, login, person, channel, payload, browserToken, code, codeHash(id, code));
	}

	/** Issues a link token (256 random bits, URL-safe). */
	@Transactional
	public Issued issueLink(VerificationPurpose purpose, String subject, @Nullable LoginId login, @Nullable UUID person,
			@Nullable String payload, String browserToken) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		return issue(id, purpose, subject, login, person, "EMAIL", payload, browserToken, token, sha256(token));
	}

	/**
	 * Throws {@link TooManyCodesException} when the subject had 3 codes for this purpose in the last 15
	 * minutes or 10 in the last day: callers check before they do anything else.
	 */
	@Transactional(readOnly = true)
	public void requireIssuable(VerificationPurpose purpose, String subject) {
		Instant now = clock.instant();
		List<Instant> issued = issuedSince(purpose, subject, now.minus(Duration.ofDays(1)));
		Instant quarter = now.minus(Duration.ofMinutes(15));
		List<Instant> recent = issued.stream().filter(at -> at.isAfter(quarter)).toList();
		if (issued.size() >= PER_DAY) {
			throw new TooManyCodesException(issued.get(issued.size() - PER_DAY).plus(Duration.ofDays(1)));
		}
		if (recent.size() >= PER_QUARTER_HOUR) {
			throw new TooManyCodesException(recent.get(recent.size() - PER_QUARTER_HOUR).plus(Duration.ofMinutes(15)));
		}
	}

	private Issued issue(UUID id, VerificationPurpose purpose, String subject, @Nullable LoginId login,
			@Nullable UUID person, String channel, @Nullable String payload, String browserToken, String secret,
			String secretHash) {
		// one issuer at a time per subject and purpose, so two requests at once cannot both pass the limit
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", group(purpose) + ":" + subject).query().listOfRows();
		requireIssuable(purpose, subject);
		Instant now = clock.instant();
		String browser = sha256(browserToken);
		// a new code replaces the ones this browser had for the same thing
		jdbc.sql("""
				update identity.verification set expires_at = :now
				where purpose = :purpose and subject = :subject and browser_hash = :browser and used_at is null
				  and expires_at > :now
				""")
			.param("now", Timestamp.from(now))
			.param("purpose", purpose.name())
			.param("subject", subject)
			.param("browser", browser)
			.update();
		Instant expires = now.plus(purpose.lifetime());
		jdbc.sql("""
				insert into identity.verification (id, purpose, subject, login_id, person_id, channel, secret_hash,
				    browser_hash, payload, created_at, expires_at)
				values (:id, :purpose, :subject, :login, :person, :channel, :secret, :browser, :payload, :now, :expires)
				""")
			.param("id", id)
			.param("purpose", purpose.name())
			.param("subject", subject)
			.param("login", login == null ? null : login.value())
			.param("person", person)
			.param("channel", channel)
			.param("secret", secretHash)
			.param("browser", browser)
			.param("payload", payload)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expires))
			.update();
		return new Issued(id, secret, expires, purpose.lifetime());
	}

	/**
	 * Checks a code typed in the browser that asked for it; a right one is used up at once. Wrong tries
	 * count, the fifth ends the code.
	 */
	@Transactional(noRollbackFor = RuntimeException.class)
	public Outcome redeemCode(UUID id, VerificationPurpose purpose, String browserToken, String typed) {
		var row = lockRow("id = :key", id, purpose, browserToken);
		if (row.isEmpty()) {
			return new Outcome(Status.UNKNOWN, null, 0);
		}
		String normalized = typed == null ? "" : typed.replaceAll("[\\s-]", "");
		boolean right = normalized.matches("\\d{6}")
				&& MessageDigest.isEqual(codeHash(id, normalized).getBytes(StandardCharsets.US_ASCII),
						row.get().secretHash().getBytes(StandardCharsets.US_ASCII));
		return conclude(row.get(), right);
	}

	/** Checks a link's token opened in the browser that asked for it; a right one is used up at once. */
	@Transactional(noRollbackFor = RuntimeException.class)
	public Outcome redeemLink(String token, VerificationPurpose purpose, String browserToken) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
			return new Outcome(Status.UNKNOWN, null, 0);
		}
		var row = lockRow("secret_hash = :key", sha256(token), purpose, browserToken);
		if (row.isEmpty()) {
			return new Outcome(Status.UNKNOWN, null, 0);
		}
		return conclude(row.get(), true);
	}

	private Outcome conclude(Row row, boolean right) {
		Instant now = clock.instant();
		if (row.usedAt() != null) {
			return new Outcome(Status.USED, null, 0);
		}
		if (row.attempts() >= MAX_ATTEMPTS) {
			return new Outcome(Status.TOO_MANY_TRIES, null, 0);
		}
		if (!now.isBefore(row.expiresAt())) {
			return new Outcome(Status.EXPIRED, null, 0);
		}
		if (!right) {
			int attempts = row.attempts() + 1;
			jdbc.sql("update identity.verification set attempts = :attempts where id = :id")
				.param("attempts", attempts)
				.param("id", row.verification().id())
				.update();
			return attempts >= MAX_ATTEMPTS ? new Outcome(Status.TOO_MANY_TRIES, null, 0)
					: new Outcome(Status.WRONG, null, MAX_ATTEMPTS - attempts);
		}
		jdbc.sql("update identity.verification set used_at = :now where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", row.verification().id())
			.update();
		return new Outcome(Status.VALID, row.verification(), MAX_ATTEMPTS - row.attempts());
	}

	private record Row(Verification verification, String secretHash, int attempts, Instant expiresAt,
			@Nullable Instant usedAt) {
	}

	private Optional<Row> lockRow(String condition, Object key, VerificationPurpose purpose, String browserToken) {
		return jdbc.sql("""
				select id, purpose, subject, login_id, person_id, channel, payload, secret_hash, attempts, expires_at,
				    used_at
				from identity.verification
				where %s and purpose = :purpose and browser_hash = :browser
				for update
				""".formatted(condition))
			.param("key", key)
			.param("purpose", purpose.name())
			.param("browser", sha256(browserToken == null ? "" : browserToken))
			.query((rs, n) -> {
				UUID login = rs.getObject("login_id", UUID.class);
				Timestamp used = rs.getTimestamp("used_at");
				return new Row(new Verification(rs.getObject("id", UUID.class),
						VerificationPurpose.valueOf(rs.getString("purpose")), rs.getString("subject"),
						login == null ? null : new LoginId(login), rs.getObject("person_id", UUID.class),
						rs.getString("channel"), rs.getString("payload")), rs.getString("secret_hash"),
						rs.getInt("attempts"), rs.getTimestamp("expires_at").toInstant(),
						used == null ? null : used.toInstant());
			})
			.optional();
	}

	private List<Instant> issuedSince(VerificationPurpose purpose, String subject, Instant since) {
		return jdbc.sql("""
				select created_at from identity.verification
				where purpose in (:purposes) and subject = :subject and created_at > :since order by created_at
				""")
			.param("purposes", groupMembers(purpose))
			.param("subject", subject)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
	}

	/** A password reset by code and by link count together: they are one purpose sent two ways. */
	private static String group(VerificationPurpose purpose) {
		return purpose == VerificationPurpose.PASSWORD_RESET_LINK ? VerificationPurpose.PASSWORD_RESET_CODE.name()
				: purpose.name();
	}

	private static List<String> groupMembers(VerificationPurpose purpose) {
		return switch (purpose) {
			case PASSWORD_RESET_CODE, PASSWORD_RESET_LINK -> List.of(VerificationPurpose.PASSWORD_RESET_CODE.name(),
					VerificationPurpose.PASSWORD_RESET_LINK.name());
			default -> List.of(purpose.name());
		};
	}

	private static String codeHash(UUID id, String code) {
		return sha256(id + ":" + code);
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
