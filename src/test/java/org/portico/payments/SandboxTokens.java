package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portico.payments.integration.PaymentGateway;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Hosted-fields tokens from the sandbox gateway's real tokenisation endpoint, as the browser's hosted fields
 * get them: a card or bank account number goes to the gateway, a single-use token comes back.
 */
public final class SandboxTokens {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private final MockMvc mvc;

	private final String publishableKey;

	public SandboxTokens(MockMvc mvc, PaymentGateway gateway) {
		this.mvc = mvc;
		this.publishableKey = gateway.hostedFields().publishableKey();
	}

	/** A token for the test card, expiring in {@code month}/{@code year}. */
	public String card(String number, int month, int year) throws Exception {
		return token("""
				{"type":"card","number":"%s","expMonth":%d,"expYear":%d,"cvc":"%s","postalCode":"19103"}"""
			.formatted(number, month, year, number.startsWith("3") ? "1234" : "123"));
	}

	/** A token for the test card, expiring in April 2035. */
	public String card(String number) throws Exception {
		return card(number, 4, 2035);
	}

	public String visa() throws Exception {
		return card("4242424242424242");
	}

	/** A token for a checking account at the sandbox's test routing number. */
	public String bankAccount(String accountNumber) throws Exception {
		return token("""
				{"type":"bank_account","routingNumber":"110000000","accountNumber":"%s","accountType":"checking","holderName":"Ana Ruiz"}"""
			.formatted(accountNumber));
	}

	private String token(String json) throws Exception {
		MvcResult result = mvc.perform(post("/sandbox-gateway/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + publishableKey)
			.content(json)).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as("tokenisation: " + body).isEqualTo(200);
		Matcher id = ID.matcher(body);
		assertThat(id.find()).as(body).isTrue();
		return id.group(1);
	}
}
