package org.portico.identity.web;

import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * This browser's random token, made on first use and kept in its session: codes and links are bound to
 * it ({@code Verifications}), so one asked for here does not work in another browser.
 */
final class VerificationBrowser {

	static final String ATTRIBUTE = "portico.verification.browser";

	private static final SecureRandom RANDOM = new SecureRandom();

	private VerificationBrowser() {
	}

	static String token(HttpSession session) {
		if (session.getAttribute(ATTRIBUTE) instanceof String token) {
			return token;
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		session.setAttribute(ATTRIBUTE, fresh);
		return fresh;
	}
}
