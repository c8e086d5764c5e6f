package org.portico.identity.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute session timeout (the idle one, 30 minutes, is Spring Session's): a session created longer
 * ago than {@code portico.identity.session.absolute-timeout} (12 hours) is ended on its next request,
 * and the browser is sent to the sign-in page, which says why. Runs right after Spring Session's filter,
 * before Spring Security loads the signed-in login from the session.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

	private final Clock clock;

	private final Duration timeout;

	AbsoluteSessionTimeoutFilter(Clock clock,
			@Value("${portico.identity.session.absolute-timeout:PT12H}") Duration timeout) {
		this.clock = clock;
		this.timeout = timeout;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && isTooOld(session)) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?expired");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isTooOld(HttpSession session) {
		try {
			return Instant.ofEpochMilli(session.getCreationTime()).plus(timeout).isBefore(clock.instant());
		}
		catch (IllegalStateException alreadyInvalidated) {
			return false;
		}
	}
}
