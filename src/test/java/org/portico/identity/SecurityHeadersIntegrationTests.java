package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Security headers on every response: pages, the sign-in page, error pages; HSTS over HTTPS only. */
class SecurityHeadersIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@LocalServerPort
	int port;

	@Test
	void aSignedInPageCarriesEverySecurityHeader() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		MockHttpServletResponse response = mvc.perform(get("/settings/sessions").cookie(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertCommon(response.getHeader("Content-Security-Policy"), response.getHeader("X-Content-Type-Options"),
				response.getHeader("X-Frame-Options"), response.getHeader("Referrer-Policy"),
				response.getHeader("Permissions-Policy"));
		assertThat(response.getHeader("Strict-Transport-Security")).isNull();
	}

	@Test
	void theSignInPageCarriesEverySecurityHeader() throws Exception {
		HttpResponse<String> response = fetch("/login", false);
		assertThat(response.statusCode()).isEqualTo(200);
		assertCommon(response.headers());
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void anErrorPageOverRealHttpCarriesEverySecurityHeader() throws Exception {
		HttpResponse<String> response = fetch("/css/no-such-file-" + System.nanoTime() + ".css", false);
		assertThat(response.statusCode()).isEqualTo(404);
		assertCommon(response.headers());
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void hstsOnlyOverHttps() throws Exception {
		HttpResponse<String> https = fetch("/login", true);
		assertThat(https.headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000; includeSubDomains");
		assertCommon(https.headers());
		HttpResponse<String> httpsError = fetch("/css/no-such-file-" + System.nanoTime() + ".css", true);
		assertThat(httpsError.statusCode()).isEqualTo(404);
		assertThat(httpsError.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(fetch("/login", false).headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	private HttpResponse<String> fetch(String path, boolean behindHttpsProxy) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (behindHttpsProxy) {
			// Tomcat's RemoteIpValve trusts X-Forwarded-Proto from a loopback (internal) proxy
			request.header("X-Forwarded-Proto", "https");
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertCommon(HttpHeaders headers) {
		assertCommon(headers.firstValue("Content-Security-Policy").orElse(null),
				headers.firstValue("X-Content-Type-Options").orElse(null),
				headers.firstValue("X-Frame-Options").orElse(null), headers.firstValue("Referrer-Policy").orElse(null),
				headers.firstValue("Permissions-Policy").orElse(null));
	}

	private static void assertCommon(String csp, String contentType, String frame, String referrer, String permissions) {
		assertThat(csp).contains("default-src 'self'")
			.contains("script-src 'self' 'nonce-")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(contentType).isEqualTo("nosniff");
		assertThat(frame).isEqualTo("DENY");
		assertThat(referrer).isEqualTo("strict-origin-when-cross-origin");
		assertThat(permissions).contains("camera=()")
			.contains("microphone=()")
			.contains("geolocation=()")
			.contains("payment=(self)");
	}
}
