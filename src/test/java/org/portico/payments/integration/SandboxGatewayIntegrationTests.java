package org.portico.payments.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.payments.PaymentFixtures;
import org.portico.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sandbox gateway as a processor: its tokenisation endpoint checks what the hosted fields send and
 * keeps no card or account number; tokens are single use and expire; idempotency keys and refunds behave
 * like a real processor's.
 */
class SandboxGatewayIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	PaymentGateway gateway;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void tokenisationRefusesBadDetailsNamingTheField() throws Exception {
		assertRefused("""
				{"type":"card","number":"4242424242424241","expMonth":4,"expYear":2099,"cvc":"123","postalCode":"19103"}""",
				"invalid_number", "number");
		assertRefused("""
				{"type":"card","number":"4242424242424242","expMonth":1,"expYear":2020,"cvc":"123","postalCode":"19103"}""",
				"invalid_expiry", "expiry");
		assertRefused("""
				{"type":"card","number":"4242424242424242","expMonth":13,"expYear":2099,"cvc":"123","postalCode":"19103"}""",
				"invalid_expiry", "expiry");
		assertRefused("""
				{"type":"card","number":"378282246310005","expMonth":4,"expYear":2099,"cvc":"123","postalCode":"19103"}""",
				"invalid_cvc", "cvc");
		assertRefused("""
				{"type":"card","number":"4242424242424242","expMonth":4,"expYear":2099,"cvc":"123","postalCode":"1910"}""",
				"invalid_postal_code", "postalCode");
		assertRefused("""
				{"type":"bank_account","routingNumber":"110000001","accountNumber":"000123456789","accountType":"checking","holderName":"Pat"}""",
				"invalid_routing_number", "routingNumber");
		assertRefused("""
				{"type":"bank_account","routingNumber":"110000000","accountNumber":"000123456789","confirmAccountNumber":"000123456780","accountType":"checking","holderName":"Pat"}""",
				"account_numbers_mismatch", "confirmAccountNumber");
		assertRefused("""
				{"type":"bank_account","routingNumber":"110000000","accountNumber":"12","accountType":"checking","holderName":"Pat"}""",
				"invalid_account_number", "accountNumber");
		assertThat(tokenize("{not json", "pk_sandbox_portico").getStatus()).isEqualTo(400);
		MockHttpServletResponse wrongKey = tokenize("""
				{"type":"card","number":"4242424242424242","expMonth":4,"expYear":2099,"cvc":"123","postalCode":"19103"}""",
				"pk_someone_else");
		assertThat(wrongKey.getStatus()).isEqualTo(401);
		assertThat(wrongKey.getContentAsString()).contains("invalid_api_key").doesNotContain("tok_");
	}

	@Test
	void theRoutingNumberChecksumIsTheAbaOne() {
		assertThat(SandboxGateway.isValidRoutingNumber("110000000")).isTrue();
		assertThat(SandboxGateway.isValidRoutingNumber("021000021")).isTrue();
		assertThat(SandboxGateway.isValidRoutingNumber("011000015")).isTrue();
		assertThat(SandboxGateway.isValidRoutingNumber("021000022")).isFalse();
		assertThat(SandboxGateway.isValidRoutingNumber("000000000")).isFalse();
		assertThat(SandboxGateway.isValidRoutingNumber("12345678")).isFalse();
	}

	@Test
	void keepsNoCardOrAccountNumberAnywhere() throws Exception {
		String token = PaymentFixtures.cardToken(mvc, "5555555555554444");
		String bank = PaymentFixtures.bankToken(mvc, "000123456789");
		gateway.saveMethod(token, UUID.randomUUID().toString(), Optional.empty());
		gateway.saveMethod(bank, UUID.randomUUID().toString(), Optional.empty());
		for (String table : new String[] { "sandbox_token", "sandbox_method", "sandbox_charge" }) {
			String everything = jdbc.sql("select coalesce(string_agg(t::text, ' '), '') from payments." + table + " t")
				.query(String.class)
				.single();
			assertThat(everything).as(table).doesNotContain("5555555555554444").doesNotContain("000123456789")
				.doesNotContain(token);
		}
	}

	@Test
	void tokensAreSingleUseAndExpire() throws Exception {
		TestClock.fixAt(ZonedDateTime.of(2026, 11, 10, 9, 0, 0, 0, ZoneId.of("America/New_York")));
		String token = PaymentFixtures.cardToken(mvc, PaymentFixtures.APPROVED);
		GatewayMethod saved = gateway.saveMethod(token, UUID.randomUUID().toString(), Optional.empty());
		assertThat(saved.last4()).isEqualTo("4242");
		assertThat(saved.brand()).isEqualTo("visa");
		assertThat(saved.expYear()).isEqualTo(2099);
		assertThatThrownBy(() -> gateway.saveMethod(token, UUID.randomUUID().toString(), Optional.empty()))
			.isInstanceOfSatisfying(GatewayRejectedException.class, e -> assertThat(e.code()).isEqualTo("token_invalid"));

		String stale = PaymentFixtures.cardToken(mvc, PaymentFixtures.APPROVED);
		TestClock.fixAt(ZonedDateTime.of(2026, 11, 10, 9, 16, 0, 0, ZoneId.of("America/New_York")));
		assertThatThrownBy(() -> gateway.saveMethod(stale, UUID.randomUUID().toString(), Optional.empty()))
			.isInstanceOf(GatewayRejectedException.class);
		assertThatThrownBy(() -> gateway.saveMethod("tok_sbx_madeup", UUID.randomUUID().toString(), Optional.empty()))
			.isInstanceOf(GatewayRejectedException.class);
	}

	@Test
	void anIdempotencyKeyIsOneChargeAndCannotBeReusedForAnother() throws Exception {
		GatewayMethod card = gateway.saveMethod(PaymentFixtures.cardToken(mvc, PaymentFixtures.APPROVED),
				UUID.randomUUID().toString(), Optional.empty());
		String key = UUID.randomUUID().toString();
		ChargeOutcome first = gateway
			.charge(new ChargeRequest(key, card.reference(), null, Money.usd("10.00"), "test", "R000000-TEST01"));
		ChargeOutcome again = gateway
			.charge(new ChargeRequest(key, card.reference(), null, Money.usd("10.00"), "test", "R000000-TEST01"));
		assertThat(again).isEqualTo(first);
		assertThat(first.status()).isEqualTo(ChargeOutcome.Status.SUCCEEDED);
		assertThatThrownBy(() -> gateway
			.charge(new ChargeRequest(key, card.reference(), null, Money.usd("11.00"), "test", "R000000-TEST01")))
			.isInstanceOfSatisfying(GatewayRejectedException.class,
					e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));

		RefundOutcome refund = gateway.refund(first.chargeReference(), Money.usd("4.00"), "refund-" + key);
		assertThat(gateway.refund(first.chargeReference(), Money.usd("4.00"), "refund-" + key)).isEqualTo(refund);
		assertThatThrownBy(() -> gateway.refund(first.chargeReference(), Money.usd("6.01"), "refund-2-" + key))
			.isInstanceOf(GatewayRejectedException.class);
		assertThat(gateway.refund(first.chargeReference(), Money.usd("6.00"), "refund-3-" + key).succeeded()).isTrue();

		// a detached method cannot be charged
		gateway.removeMethod(card.reference());
		assertThatThrownBy(() -> gateway.charge(new ChargeRequest(UUID.randomUUID().toString(), card.reference(), null,
				Money.usd("10.00"), "test", "R000000-TEST02")))
			.isInstanceOfSatisfying(GatewayRejectedException.class, e -> assertThat(e.code()).isEqualTo("method_missing"));
	}

	@Test
	void servesItsHostedFieldsScript() throws Exception {
		var response = mvc.perform(get("/sandbox-gateway/v1/hosted-fields.js")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/javascript");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("SandboxGateway");
	}

	private void assertRefused(String json, String code, String field) throws Exception {
		MockHttpServletResponse response = tokenize(json, "pk_sandbox_portico");
		assertThat(response.getStatus()).as(json).isEqualTo(400);
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).as(json).contains("\"code\":\"" + code + "\"").contains("\"field\":\"" + field + "\"");
	}

	private MockHttpServletResponse tokenize(String json, String key) throws Exception {
		return mvc.perform(post("/sandbox-gateway/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer " + key)
			.content(json)).andReturn().getResponse();
	}
}
