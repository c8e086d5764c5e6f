package org.portico.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.portico.identity.throttling.SignInThrottle;
import org.portico.identity.throttling.SignInThrottleFilter;
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

	private final SignInThrottle throttle;

	private final KnownDevices devices;

	Reauthentication(IdentityManagement identity, AccountAccess access, SecurityActivity activity, Clock clock,
			SignInThrottle throttle, KnownDevices devices) {
		this.identity = identity;
		this.access = access;
		this.activity = activity;
		this.clock = clock;
		this.throttle = throttle;
		this.devices = devices;
	}

	/** How confirming the password went. */
	public enum Confirmation {
		CONFIRMED, WRONG,
		/** Too many wrong passwords for this login (here or at sign-in): not even checked. */
		REFUSED
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
	 * Refuses unless {@link #isRecent()}, coming back to {@code returnTo} (a path in this application) once
	 * the password is given: the page of a form that was posted.
	 */
	public void require(String returnTo) {
		if (!isRecent()) {
			throw new ReauthenticationRequiredException(returnTo);
		}
	}

	/**
	 * Checks the signed-in login's password; when right, remembers the moment and records
	 * {@code REAUTHENTICATED}, otherwise records {@code REAUTHENTICATION_FAILED}. A wrong password counts
	 * towards the same throttling as a failed sign-in (it is the same secret being guessed, by someone who
	 * may have taken over a session), and while that throttling refuses the login here, the password is not
	 * checked at all.
	 */
	public Confirmation confirm(String password, HttpServletRequest request) {
		var login = access.requireLogin();
		ClientInfo client = ClientInfo.of(request);
		if (refusedUntil(request).isPresent()) {
			activity.record(login.id(), SecurityEventType.REAUTHENTICATION_FAILED, client, "throttled");
			return Confirmation.REFUSED;
		}
		if (identity.passwordMatches(login.id(), password)) {
			markNow();
			activity.record(login.id(), SecurityEventType.REAUTHENTICATED, client, null);
			return Confirmation.CONFIRMED;
		}
		activity.record(login.id(), SecurityEventType.REAUTHENTICATION_FAILED, client, null);
		throttle.recordFailure(SignInThrottle.Subject.of(login.id()), SignInThrottleFilter.sourceIp(request), client);
		return Confirmation.WRONG;
	}

	/**
	 * Until when the signed-in login's password may not be tried from this request's source (the sign-in
	 * throttling rules), if it is refused now.
	 */
	public Optional<Instant> refusedUntil(HttpServletRequest request) {
		var login = access.requireLogin();
		return throttle
			.check(SignInThrottle.Subject.of(login.id()), SignInThrottleFilter.sourceIp(request),
					known -> devices.isKnown(known, KnownDevices.tokenOf(request).orElse(null)))
			.map(SignInThrottle.Refusal::until);
	}

	/** Counts a wrong password given for the signed-in login elsewhere (the current password on a form). */
	public void recordWrongPassword(HttpServletRequest request) {
		var login = access.requireLogin();
		throttle.recordFailure(SignInThrottle.Subject.of(login.id()), SignInThrottleFilter.sourceIp(request),
				ClientInfo.of(request));
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
