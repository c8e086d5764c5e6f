package org.portico.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Error pages explain and carry a correlation ID; the API answers with problem details. Over real HTTP. */
class ErrorPagesIntegrationTests extends IntegrationTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.portico.demo.DemoProperties demo;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void unknownPageExplainsAndShowsTheCorrelationIdNeverAStackTrace() throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"))
			.header("Accept", "text/html")
			.header("X-Request-Id", "test-correlation-0001")
			.build(), HttpResponse.BodyHandlers.ofString());
		// anonymous: sign-in first, as for every page
		assertThat(response.statusCode()).isEqualTo(302);

		var api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/nothing-here"))
			.header("X-Request-Id", "test-correlation-0002")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.body()).contains("\"status\":404")
			.contains("\"type\":\"https://portico.example/problems/not-found\"")
			.contains("\"correlationId\":\"test-correlation-0002\"")
			.doesNotContain("Exception")
			.doesNotContain("trace");
		assertThat(api.headers().firstValue("X-Request-Id")).hasValue("test-correlation-0002");
	}

	@Test
	void apiAnswersProblemDetailsEvenToABrowser() throws Exception {
		var api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/accounts/123"))
			.header("Accept", "text/html,application/xhtml+xml")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void signedInUnknownPageIsAFriendly404() throws Exception {
		var session = org.portico.AuthorizationMatrix.signIn(mvc, "ana.rivera@example.com", demo.loginSecret());
		var result = mvc.perform(get("/no-such-page").cookie(session).accept(MediaType.TEXT_HTML)).andReturn();
		// MockMvc does not run the container's error dispatch: check the status here, the page below over HTTP
		assertThat(result.getResponse().getStatus()).isEqualTo(404);

		var cookie = "SESSION=" + session.getValue();
		var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"))
			.header("Accept", "text/html")
			.header("Cookie", cookie)
			.header("X-Request-Id", "test-correlation-0003")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found")
			.contains("test-correlation-0003")
			.contains("1-800-555-0199")
			.doesNotContain("Exception")
			.doesNotContain("at org.");
	}

	@Test
	void malformedAccountIdIsA400PageNotA500() throws Exception {
		var session = org.portico.AuthorizationMatrix.signIn(mvc, "ana.rivera@example.com", demo.loginSecret());
		var cookie = "SESSION=" + session.getValue();
		// Fetch the CSRF token of this session from a page with a form.
		String dashboard = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard"))
			.header("Cookie", cookie)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(dashboard);
		assertThat(matcher.find()).isTrue();
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/account/switch"))
			.header("Cookie", cookie)
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("account=%3Cscript%3E&_csrf=" + matcher.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("We couldn’t read that request").doesNotContain("<script>");
	}

	@Test
	void missingCsrfTokenIsAnExplained403() throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/logout"))
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Reference").doesNotContain("Exception");
	}

	@Test
	void everyResponseCarriesTheContentSecurityPolicy() throws Exception {
		var response = mvc.perform(get("/login")).andReturn().getResponse();
		String csp = response.getHeader("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self' 'nonce-")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
		assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("nonce=\"" + nonce + "\"");
		assertThat(mvc.perform(post("/login")).andReturn().getResponse().getHeader("Content-Security-Policy"))
			.isNotNull();
	}
}
