package org.portico.identity;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The devices a login signed in from, recognised by a long-lived random device cookie (stored only as a
 * SHA-256 hash). A known device is not locked out by others' failures (DECISIONS.md) and a sign-in from
 * an unknown one emails the owner.
 */
@Service
public class KnownDevices {

	public static final String COOKIE = "portico-device";

	private static final Duration LIFETIME = Duration.ofDays(400);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	KnownDevices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The device cookie the request carries, if any. */
	public static Optional<String> tokenOf(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().matches("[A-Za-z0-9_-]{20,64}")) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	@Transactional(readOnly = true)
	public boolean isKnown(LoginId login, @Nullable String token) {
		if (token == null) {
			return false;
		}
		return jdbc.sql("select exists (select 1 from identity.known_device where login_id = :login and token_hash = :hash)")
			.param("login", login.value())
			.param("hash", hash(token))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Remembers the device after a successful sign-in, issuing a device cookie when it has none.
	 *
	 * @return true when the device was new to this login
	 */
	@Transactional
	public boolean remember(LoginId login, HttpServletRequest request, HttpServletResponse response) {
		String token = tokenOf(request).orElse(null);
		if (token == null) {
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			var cookie = ResponseCookie.from(COOKIE, token)
				.path("/")
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Lax")
				.maxAge(LIFETIME)
				.build();
			response.addHeader("Set-Cookie", cookie.toString());
		}
		String agent = request.getHeader("User-Agent");
		// xmax = 0 on the returned row: it was inserted, not updated (a device new to this login)
		return jdbc.sql("""
				insert into identity.known_device (login_id, token_hash, first_seen, last_seen, user_agent)
				values (:login, :hash, :now, :now, :agent)
				on conflict (login_id, token_hash) do update set last_seen = excluded.last_seen
				returning (xmax = 0)
				""")
			.param("login", login.value())
			.param("hash", hash(token))
			.param("now", Timestamp.from(clock.instant()))
			.param("agent", agent == null ? null : agent.substring(0, Math.min(agent.length(), 300)))
			.query(Boolean.class)
			.single();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
