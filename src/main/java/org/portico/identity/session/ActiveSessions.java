package org.portico.identity.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.identity.ClientInfo;
import org.portico.identity.CurrentLogin;
import org.portico.identity.SecurityActivity;
import org.portico.identity.SecurityEventType;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A login's active sessions (Spring Session's, in PostgreSQL, found by principal name = login ID), and
 * ending them. Pages never see a session ID, which is the session's bearer secret: each session is named
 * by a handle, a hash of its ID, and only the login's own sessions can be found by handle.
 */
@Service
public class ActiveSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SessionClients clients;

	private final SecurityActivity activity;

	ActiveSessions(FindByIndexNameSessionRepository<? extends Session> sessions, SessionClients clients,
			SecurityActivity activity) {
		this.sessions = sessions;
		this.clients = clients;
		this.activity = activity;
	}

	/** One session as the sessions page shows it. */
	public record ActiveSession(String handle, @Nullable String browser, @Nullable String system,
			@Nullable String place, Instant signedInAt, Instant lastSeenAt, boolean current) {
	}

	/** The login's sessions, this one first, then the most recently used. */
	public List<ActiveSession> of(CurrentLogin login, @Nullable String currentSessionId) {
		List<ActiveSession> list = new ArrayList<>();
		for (Session session : own(login).values()) {
			if (session.isExpired()) {
				continue;
			}
			SessionClient client = session.getAttribute(SessionClient.ATTRIBUTE);
			UserAgents.Device device = UserAgents.parse(client == null ? null : client.userAgent());
			list.add(new ActiveSession(handle(session.getId()), device.browser(), device.system(),
					client == null ? null : clients.placeOf(client.ip()).orElse(null), session.getCreationTime(),
					session.getLastAccessedTime(), session.getId().equals(currentSessionId)));
		}
		list.sort(Comparator.comparing(ActiveSession::current).reversed()
			.thenComparing(Comparator.comparing(ActiveSession::lastSeenAt).reversed()));
		return list;
	}

	/**
	 * Ends one of the login's other sessions (its next request is refused).
	 *
	 * @return false when the login has no session with that handle, or it is the current one
	 */
	public boolean revoke(CurrentLogin login, String handle, @Nullable String currentSessionId, ClientInfo by) {
		Optional<? extends Session> found = own(login).values()
			.stream()
			.filter(session -> handle(session.getId()).equals(handle))
			.findFirst();
		if (found.isEmpty() || found.get().getId().equals(currentSessionId)) {
			return false;
		}
		Session session = found.get();
		SessionClient client = session.getAttribute(SessionClient.ATTRIBUTE);
		sessions.deleteById(session.getId());
		activity.record(login.id(), SecurityEventType.SESSION_REVOKED, by,
				UserAgents.parse(client == null ? null : client.userAgent()).describe());
		return true;
	}

	/** Ends every session of the login but this one; returns how many. */
	public int revokeOthers(CurrentLogin login, @Nullable String currentSessionId, ClientInfo by) {
		int ended = 0;
		for (String id : own(login).keySet()) {
			if (!id.equals(currentSessionId)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		activity.record(login.id(), SecurityEventType.OTHER_SESSIONS_ENDED, by, ended + " ended");
		return ended;
	}

	private Map<String, ? extends Session> own(CurrentLogin login) {
		return sessions.findByPrincipalName(login.getUsername());
	}

	/** A session's public name: SHA-256 of its ID, first 16 bytes, hex. */
	static String handle(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
