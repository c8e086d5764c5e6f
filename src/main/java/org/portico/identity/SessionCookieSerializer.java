package org.portico.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie as DECISIONS.md sets it: {@code __Host-SESSION}, Secure, HttpOnly, SameSite=Lax on
 * HTTPS (X-Forwarded-Proto is honoured behind a proxy); on plain HTTP (local runs, tools) an unprefixed
 * HttpOnly SameSite=Lax {@code SESSION} cookie, since browsers drop Secure cookies there.
 */
class SessionCookieSerializer implements CookieSerializer {

	private final DefaultCookieSerializer secure = serializer("__Host-SESSION", true);

	private final DefaultCookieSerializer plain = serializer("SESSION", false);

	@Override
	public void writeCookieValue(CookieValue cookieValue) {
		pick(cookieValue.getRequest()).writeCookieValue(cookieValue);
	}

	@Override
	public List<String> readCookieValues(HttpServletRequest request) {
		return pick(request).readCookieValues(request);
	}

	private DefaultCookieSerializer pick(HttpServletRequest request) {
		return request.isSecure() ? secure : plain;
	}

	private static DefaultCookieSerializer serializer(String name, boolean secure) {
		var serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setUseSecureCookie(secure);
		serializer.setUseBase64Encoding(true);
		return serializer;
	}
}
