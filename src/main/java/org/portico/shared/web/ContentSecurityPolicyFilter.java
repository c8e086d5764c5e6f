package org.portico.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Content Security Policy on every response (DECISIONS.md): scripts only from this origin or with the
 * request's nonce (templates read it as {@code cspNonce}); no inline event handlers, no eval; the page
 * cannot be framed. Swagger UI, which needs inline code, gets a relaxed policy on its own paths; an
 * email's HTML part in the demo inbox (its styles are inline, as mail clients need them) gets a policy
 * that allows inline styles and nothing else, and may be framed by this origin only. Every response also
 * gets X-Content-Type-Options, X-Frame-Options, Referrer-Policy, Permissions-Policy and, over HTTPS only,
 * Strict-Transport-Security (one year, subdomains included).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ContentSecurityPolicyFilter extends OncePerRequestFilter {

	public static final String NONCE_ATTRIBUTE = "cspNonce";

	/** An email's HTML part in the demo inbox, e.g. {@code /demo/inbox/<message id>/html}. */
	private static final Pattern DEMO_EMAIL_HTML = Pattern.compile("/demo/inbox/[^/]+/html");

	/** Powerful browser features this portal never uses are off; payments only from this origin. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(self), usb=(), "
			+ "interest-cohort=(), browsing-topics=()";

	private final SecureRandom random = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(NONCE_ATTRIBUTE, nonce);
		String path = request.getRequestURI();
		if (DEMO_EMAIL_HTML.matcher(path).matches()) {
			// sandbox: the email runs in an opaque origin with no scripts, forms or navigation, even when
			// opened directly rather than in the demo inbox's sandboxed frame
			response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
					+ "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox");
		}
		else if (path.startsWith("/swagger-ui")) {
			response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; "
					+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
		}
		else {
			response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce
					+ "'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
					+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
		}
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
		// Spring Security writes it too; set here as well so error pages and unsecured paths carry it
		response.setHeader("X-Frame-Options", DEMO_EMAIL_HTML.matcher(path).matches() ? "SAMEORIGIN" : "DENY");
		if (request.isSecure()) {
			// HTTPS only (X-Forwarded-Proto from a trusted proxy counts): browsers ignore it over HTTP anyway
			response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
		}
		chain.doFilter(request, response);
	}

	/** Error pages get the headers too (the container's error dispatch rewrites the response). */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}
}
