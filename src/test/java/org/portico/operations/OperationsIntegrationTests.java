package org.portico.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator's monitoring and a load balancer rely on, over real HTTP. */
class OperationsIntegrationTests extends IntegrationTestSupport {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthLivenessAndReadinessAreUpWithoutSigningIn() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
			var response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void readinessIncludesTheDatabase() throws Exception {
		// component names are public, their details are not
		var response = get("/actuator/health/readiness");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"db\":{\"status\":\"UP\"}").doesNotContain("PostgreSQL");
	}

	@Test
	void prometheusMetricsAreExposed() throws Exception {
		var response = get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
	}

	@Test
	void openApiDescriptionIsPublished() throws Exception {
		var response = get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"openapi\"");
	}

	@Test
	void otherActuatorEndpointsAreNotExposed() throws Exception {
		assertThat(get("/actuator/env").statusCode()).isIn(302, 404);
		assertThat(get("/actuator/beans").statusCode()).isIn(302, 404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
