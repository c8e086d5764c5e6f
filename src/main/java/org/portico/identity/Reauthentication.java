package org.portico.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The reusable guard of sensitive actions (password, email, phone, payment methods, two-factor): they
 * need the password within the last {@link #WINDOW}. Signing in with the password, confirming it on
 * {@code /reauthenticate} or entering it as the current password (change password) all count; the moment
 * is kept in the session, with the login it belongs to. A controller calls {@link #require()} before the
 * action; pages turn the exception into a redirect to {@code /reauthenticate?next=…}.
 */
@Component
public class Reauthentication {

	public static final Duration WINDOW = Duration.ofMinutes(5);

	static final String ATTRIBUTE = "portico.reauthenticatedAt";

	private final IdentityManagement identity;

	private final AccountAccess access;

	private final SecurityActivity activity;

	private final Clock clock;

	Reauthentication(IdentityManagement identity, AccountAccess access, SecurityActivity activity, Clock clock) {
		this.identity = identity;
		this.access = access;
		this.activity = activity;
		this.clock = clock;
	}

	/** Whether the signed-in login gave its password within the last five minutes, in this session. */
	public boolean isRecent() {
		var login = access.currentLogin();
		var request = RequestContextHolder.getRequestAttributes();
		if (login.isEmpty() || request == null) {
			return false;
		}
		Object value = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
		if (!(value instanceof String stored)) {
			return false;
		}
		int separator = stored.indexOf('@');
		if (separator < 0 || !stored.substring(0, separator).equals(login.get().getUsername())) {
			return false;
		}
		Instant at;
		try {
			at = Instant.ofEpochMilli(Long.parseLong(stored.substring(separator + 1)));
		}
		catch (NumberFormatException e) {
			return false;
		}
		Instant now = clock.instant();
		return !at.isAfter(now.plusSeconds(5)) && Duration.between(at, now).compareTo(WINDOW) <= 0;
	}

	/** Refuses unless {@link #isRecent()}: {@link ReauthenticationRequiredException}. */
	public void require() {
		if (!isRecent()) {
			throw new ReauthenticationRequiredException();
		}
	}

	/**
	 * Checks the signed-in login's password; when right, remembers the moment and records
	 * {@code REAUTHENTICATED}, otherwise records {@code REAUTHENTICATION_FAILED}.
	 */
	public boolean confirm(String password, HttpServletRequest request) {
		var login = access.requireLogin();
		if (identity.passwordMatches(login.id(), password)) {
			markNow();
			activity.record(login.id(), SecurityEventType.REAUTHENTICATED, ClientInfo.of(request), null);
			return true;
		}
		activity.record(login.id(), SecurityEventType.REAUTHENTICATION_FAILED, ClientInfo.of(request), null);
		return false;
	}

	/** Remembers that the signed-in login has just given its password (after a check made elsewhere). */
	public void markNow() {
		var login = access.currentLogin();
		var request = RequestContextHolder.getRequestAttributes();
		if (login.isPresent() && request != null) {
			request.setAttribute(ATTRIBUTE, login.get().getUsername() + "@" + clock.instant().toEpochMilli(),
					RequestAttributes.SCOPE_SESSION);
		}
	}

	/** Signing in with the password counts (Spring Security publishes this for form sign-in). */
	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null && event.getAuthentication().getPrincipal() instanceof CurrentLogin login) {
			request.setAttribute(ATTRIBUTE, login.getUsername() + "@" + clock.instant().toEpochMilli(),
					RequestAttributes.SCOPE_SESSION);
		}
	}
}
