package org.portico.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Language;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Remembers the reader's language in a cookie, and only ever answers en-US or es-US: whatever a browser
 * or a {@code ?lang=} parameter asks for is mapped onto one of the two.
 */
class SupportedLocaleResolver extends CookieLocaleResolver {

	SupportedLocaleResolver() {
		super("portico-lang");
		setDefaultLocale(Language.EN_US.locale());
		setCookieHttpOnly(true);
		setCookieSameSite("Lax");
		setCookieMaxAge(java.time.Duration.ofDays(365));
		setDefaultLocaleFunction(request -> Language.of(request.getLocale()).locale());
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return Language.of(super.resolveLocale(request)).locale();
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		super.setLocale(request, response, locale == null ? null : Language.of(locale).locale());
	}
}
