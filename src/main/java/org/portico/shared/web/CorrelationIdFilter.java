package org.portico.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation ID: the caller's {@code X-Request-Id} when it is well-formed,
 * otherwise a new one. It is in every log line of the request (MDC {@code correlationId}), in the
 * response header, and on error pages, so a customer can quote it to support.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class CorrelationIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String ATTRIBUTE = "correlationId";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String offered = request.getHeader(HEADER);
		String id = offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		MDC.put(ATTRIBUTE, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(ATTRIBUTE);
		}
	}

	/** The request's correlation ID (also on error dispatches, which keep request attributes). */
	public static String of(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return id instanceof String s ? s : "unknown";
	}
}
