package org.portico.payments.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.identity.IdentityManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * No card number reaches a controller, the log or a table: a request carrying one is refused with 400
 * before sign-in, CSRF and the session see it, and the log names only the path and the parameter.
 */
@ExtendWith(OutputCaptureExtension.class)
class CardNumberRefusalIntegrationTests extends IntegrationTestSupport {

	private static final List<String> NUMBERS = List.of("4242424242424242", "4242 4242 4242 4242",
			"5555-5555-5555-4444", "378282246310005");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aCardNumberPostedToPorticoIsRefusedAndNeverStoredOrLogged(CapturedOutput output) throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		String customerId = owned.owner().customerId().value();

		for (String number : NUMBERS) {
			assertThat(status(post("/payments/methods").cookie(session).with(csrf()).param("kind", "card")
				.param("token", number).param("consent", "yes"))).as(number).isEqualTo(400);
			assertThat(status(post("/settings/profile/customer-id").cookie(session).with(csrf())
				.param("customerId", number))).as(number).isEqualTo(400);
			// before CSRF and sign-in: without a token or a session it is still this refusal, not theirs
			assertThat(status(post("/login").param("username", number).param("password", "whatever")))
				.as(number).isEqualTo(400);
			assertThat(status(get("/billing").cookie(session).param("search", number))).as(number).isEqualTo(400);
		}
		assertThat(status(multipart("/settings/profile/customer-id").param("customerId", "4242424242424242")
			.cookie(session).with(csrf()))).as("a multipart form").isEqualTo(400);

		assertThat(jdbc.sql("select count(*) from payments.payment_method where account_id = :account")
			.param("account", owned.account().id().value()).query(Long.class).single()).isZero();
		assertThat(identity.find(owned.owner().id()).orElseThrow().customerId().value()).isEqualTo(customerId);
		assertThat(output.getAll())
			.contains("refused a request carrying a card number on /payments/methods (parameter token)")
			.contains("refused a request carrying a card number on /settings/profile/customer-id (parameter customerId)")
			.contains("refused a request carrying a card number on /login (parameter username)");
		for (String number : NUMBERS) {
			assertThat(output.getAll()).doesNotContain(number).doesNotContain(number.replaceAll("[ -]", ""));
		}
	}

	@Test
	void otherDigitsPasswordsAndTheGatewaysOwnEndpointsPassThrough() throws Exception {
		// sixteen digits failing the Luhn check, twelve-digit account numbers, phone numbers: not card numbers
		assertThat(status(post("/login").with(csrf()).param("username", "4242424242424241").param("password", "x")))
			.isEqualTo(302);
		assertThat(status(post("/login").with(csrf()).param("username", "someone@example.test")
			.param("password", "4242424242424242"))).as("a password may be any digits").isEqualTo(302);
		assertThat(status(get("/login").param("account", "1234 5678 9012").param("phone", "215-555-0100")))
			.isEqualTo(200);
		MvcResult token = mvc.perform(post("/sandbox-gateway/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer pk_sandbox_portico")
			.param("number", "4242424242424242")
			.content("""
					{"type":"card","number":"4242424242424242","expMonth":4,"expYear":2035,"cvc":"123","postalCode":"19103"}"""))
			.andReturn();
		assertThat(token.getResponse().getStatus()).as("the gateway's own endpoint").isEqualTo(200);
	}

	@Test
	void theRefusalPageSaysWhyAndStartsNoSession() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/payments/methods"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString("kind=card&token=4242+4242+4242+4242&consent=yes"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("Card numbers are never sent to us — enter your card in the secure card fields")
			.doesNotContain("4242");
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION"));

		HttpResponse<String> spanish = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/register?accountNumber=4000-0000-0000-0002"))
			.header("Accept", "text/html")
			.header("Accept-Language", "es-US")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(spanish.statusCode()).isEqualTo(400);
		assertThat(spanish.body()).contains("Los números de tarjeta nunca se nos envían");
	}

	private int status(org.springframework.test.web.servlet.RequestBuilder request)
			throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}
}
