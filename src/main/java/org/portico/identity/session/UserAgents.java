package org.portico.identity.session;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A small User-Agent reader for the sessions and activity pages and the new-device email: which
 * browser (Chrome or Safari, say) on which system (Windows or iPhone). Only the common browsers and
 * systems are named; anything else is unknown rather than guessed.
 */
public final class UserAgents {

	private UserAgents() {
	}

	/** A browser and the system it runs on, each null when not recognised. */
	public record Device(@Nullable String browser, @Nullable String system) {

		/** Both (Chrome on Windows), either one alone, or null when neither is known (English, for logs). */
		public @Nullable String describe() {
			if (browser != null && system != null) {
				return browser + " on " + system;
			}
			return browser != null ? browser : system;
		}
	}

	public static Device parse(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return new Device(null, null);
		}
		return new Device(browser(userAgent), system(userAgent));
	}

	private static @Nullable String browser(String ua) {
		if (ua.contains("Edg/") || ua.contains("EdgA/") || ua.contains("EdgiOS/")) {
			return "Edge";
		}
		if (ua.contains("OPR/") || ua.contains("Opera")) {
			return "Opera";
		}
		if (ua.contains("SamsungBrowser/")) {
			return "Samsung Internet";
		}
		if (ua.contains("Firefox/") || ua.contains("FxiOS/")) {
			return "Firefox";
		}
		if (ua.contains("CriOS/") || (ua.contains("Chrome/") && !ua.contains("Chromium/"))) {
			return "Chrome";
		}
		if (ua.contains("Chromium/")) {
			return "Chromium";
		}
		if (ua.contains("Safari/") && ua.contains("Version/")) {
			return "Safari";
		}
		return null;
	}

	private static @Nullable String system(String ua) {
		if (ua.contains("iPhone")) {
			return "iPhone";
		}
		if (ua.contains("iPad")) {
			return "iPad";
		}
		if (ua.contains("Android")) {
			return "Android";
		}
		if (ua.contains("Windows")) {
			return "Windows";
		}
		if (ua.contains("CrOS")) {
			return "ChromeOS";
		}
		if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
			return "macOS";
		}
		if (ua.toLowerCase(Locale.ROOT).contains("linux")) {
			return "Linux";
		}
		return null;
	}
}
