package org.portico.identity.throttling;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.portico.identity.ClientInfo;
import org.portico.identity.KnownDevices;
import org.portico.identity.LoginId;
import org.portico.identity.SecurityActivity;
import org.portico.identity.SecurityEventType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in the throttling rules forbid before the password is looked at (a refused attempt costs
 * no Argon2 work and never waits on the server): the attempt is logged and the sign-in page says how long
 * to wait. The page looks the same whether or not the identifier names a login.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

	/** Session attribute: when the refused sign-in may be tried again (epoch milliseconds). */
	public static final String REFUSED_UNTIL_ATTRIBUTE = "portico.refusedUntil";

	private final SignInThrottle throttle;

	private final Function<String, Optional<LoginId>> loginLookup;

	private final KnownDevices devices;

	private final SecurityActivity activity;

	public SignInThrottleFilter(SignInThrottle throttle, Function<String, Optional<LoginId>> loginLookup,
			KnownDevices devices, SecurityActivity activity) {
		this.throttle = throttle;
		this.loginLookup = loginLookup;
		this.devices = devices;
		this.activity = activity;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String identifier = identifier(request);
		LoginId login = loginLookup.apply(identifier).orElse(null);
		var subject = SignInThrottle.Subject.of(identifier, login);
		var refusal = throttle.check(subject, sourceIp(request),
				known -> devices.isKnown(known, KnownDevices.tokenOf(request).orElse(null)));
		if (refusal.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		activity.record(login, SecurityEventType.SIGN_IN_REFUSED, ClientInfo.of(request),
				"throttled (" + refusal.get().rule() + ") until " + refusal.get().until());
		request.getSession().setAttribute(REFUSED_UNTIL_ATTRIBUTE, refusal.get().until().toEpochMilli());
		response.sendRedirect(request.getContextPath() + "/login?refused");
	}

	/** The identifier as typed, stripped (empty when missing): what the throttle and the failure handler key on. */
	public static String identifier(HttpServletRequest request) {
		String username = request.getParameter("username");
		return username == null ? "" : username.strip();
	}

	/** The attempt's source address (the client's, behind a trusted proxy). */
	public static String sourceIp(HttpServletRequest request) {
		String ip = request.getRemoteAddr();
		return ip == null || ip.isBlank() ? "unknown" : ip;
	}
}
