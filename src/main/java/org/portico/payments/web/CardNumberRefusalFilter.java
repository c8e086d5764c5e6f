package org.portico.payments.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Card numbers never reach Portico (DECISIONS.md “Payments”): a request with a parameter (query string or
 * form field) that is a card number — 13 to 19 digits, spaces and dashes aside, passing the Luhn check — is
 * refused with 400 before anything else looks at it: before sign-in, CSRF, the session and every
 * controller, so nothing is stored, logged with the number or changed. Parameters whose name contains
 * “password” are left alone (a password may be any digits). The sandbox gateway's own endpoints, which
 * play the payment processor, are not guarded.
 *
 * <p>Parameters are read through the servlet container, so its form limits apply (the size of a posted
 * form, the number of parameters, and for a multipart upload the size of each part); the files of an upload
 * are not parameters and are never read here.
 */
class CardNumberRefusalFilter extends OncePerRequestFilter {

	/** Request attribute the 400 page reads to say why: the message key to show. */
	static final String REFUSED_ATTRIBUTE = "cardNumberRefused";

	static final String MESSAGE_KEY = "payments.card-number-refused";

	private static final Logger log = LoggerFactory.getLogger(CardNumberRefusalFilter.class);

	private static final String EXEMPT = "/sandbox-gateway/";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return path(request).startsWith(EXEMPT);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String refused = refusedParameter(request);
		if (refused != null) {
			log.warn("refused a request carrying a card number on {} (parameter {})", loggable(path(request)), refused);
			request.setAttribute(REFUSED_ATTRIBUTE, MESSAGE_KEY);
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	/** The name (as it may be logged) of the first parameter carrying a card number, or null. */
	private static @Nullable String refusedParameter(HttpServletRequest request) {
		Enumeration<String> names = request.getParameterNames();
		while (names.hasMoreElements()) {
			String name = names.nextElement();
			if (isCardNumber(name)) {
				// a query string of just the number makes it a parameter name
				return "name";
			}
			if (name.toLowerCase(Locale.ROOT).contains("password")) {
				continue;
			}
			String[] values = request.getParameterValues(name);
			if (values == null) {
				continue;
			}
			for (String value : values) {
				if (isCardNumber(value)) {
					return loggable(name);
				}
			}
		}
		return null;
	}

	/**
	 * Whether {@code value}, without its spaces and dashes, is 13 to 19 digits passing the Luhn check. Any
	 * other character, or a twentieth digit, ends the scan: long values cost one pass and no copy.
	 */
	static boolean isCardNumber(@Nullable String value) {
		if (value == null || value.length() < 13) {
			return false;
		}
		int[] digits = new int[19];
		int count = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				if (count == digits.length) {
					return false;
				}
				digits[count++] = c - '0';
			}
			else if (!isSeparator(c)) {
				return false;
			}
		}
		if (count < 13) {
			return false;
		}
		int sum = 0;
		boolean doubleIt = false;
		for (int i = count - 1; i >= 0; i--) {
			int digit = digits[i];
			if (doubleIt) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubleIt = !doubleIt;
		}
		return sum % 10 == 0;
	}

	/** Spaces and dashes as people type them between groups of digits (and as phones paste them). */
	private static boolean isSeparator(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '\u2010' || c == '\u2011'
				|| c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212';
	}

	/** The path within the application, as the container normalised and decoded it (as mappings see it). */
	private static String path(HttpServletRequest request) {
		String servletPath = request.getServletPath();
		String pathInfo = request.getPathInfo();
		return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
	}

	/** For the log: printable, short, and without any run of digits long enough to be part of a card number. */
	private static String loggable(String text) {
		String cut = text.length() > 100 ? text.substring(0, 100) : text;
		return cut.replaceAll("[^\\x20-\\x7e]", "_").replaceAll("\\d[\\d\\s-]{11,}\\d", "[digits]");
	}
}
