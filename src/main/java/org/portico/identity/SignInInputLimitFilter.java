package org.portico.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized sign-in input before any database lookup or password hashing, so that a megabyte
 * “password” cannot make Argon2 work for an attacker. The page says what was wrong.
 */
class SignInInputLimitFilter extends OncePerRequestFilter {

	static final int MAX_USERNAME_LENGTH = 254;

	static final int MAX_PASSWORD_LENGTH = IdentityManagement.MAX_PASSWORD_LENGTH;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = request.getParameter("username");
		String password = request.getParameter("password");
		if ((username != null && username.length() > MAX_USERNAME_LENGTH)
				|| (password != null && password.length() > MAX_PASSWORD_LENGTH)) {
			response.sendRedirect(request.getContextPath() + "/login?tooLong");
			return;
		}
		chain.doFilter(request, response);
	}
}
