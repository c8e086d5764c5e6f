package org.portico.notifications.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Twilio adapter against a WireMock double of Twilio's Messages API, shaped as Twilio documents it:
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, HTTP basic authentication, form fields,
 * 201 with the message's JSON, errors as {@code {"code", "message", "more_info", "status"}}.
 */
class TwilioSmsGatewayTests {

	private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	private static final String TOKEN = "test-auth-token";

	private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

	private static final String TO = "+12675550123";

	@RegisterExtension
	static WireMockExtension twilio = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private TwilioSmsGateway gateway(String from) {
		return new TwilioSmsGateway(new SmsProperties.Twilio(twilio.baseUrl(), ACCOUNT, TOKEN, from, 1));
	}

	private TwilioSmsGateway gateway() {
		return gateway("+18005550199");
	}

	@Test
	void sendsTheTextAsTwilioDocumentsAndReturnsTheMessageSid() {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"account_sid": "%s", "api_version": "2010-04-01", "body": "Riverbend: your code is 123456",
					 "messaging_service_sid": null, "num_segments": "1", "sid": "SM1f0e8ae6ade43cb3c0ce4525424e404f",
					 "status": "queued", "to": "%s"}
					""".formatted(ACCOUNT, TO))));

		String sid = gateway().send(TO, "Riverbend: café & more — 100% “quoted”");

		assertThat(sid).isEqualTo("SM1f0e8ae6ade43cb3c0ce4525424e404f");
		twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withBasicAuth(new BasicCredentials(ACCOUNT, TOKEN))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withFormParam("To", equalTo(TO))
			.withFormParam("From", equalTo("+18005550199"))
			.withFormParam("Body", equalTo("Riverbend: café & more — 100% “quoted”")));
	}

	@Test
	void namesAMessagingServiceByItsOwnField() {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SMabc123\"}")));

		gateway("MG0123456789abcdef0123456789abcdef").send(TO, "Hello");

		twilio.verify(postRequestedFor(urlEqualTo(MESSAGES))
			.withFormParam("MessagingServiceSid", equalTo("MG0123456789abcdef0123456789abcdef"))
			.withFormParam("From", absent()));
	}

	@Test
	void anInvalidNumberIsAPermanentFailure() {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"code": 21211, "message": "The 'To' number %s is not a valid phone number.",
					 "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}
					""".formatted(TO))));

		var failure = catchThrowableOfType(SmsDeliveryException.class, () -> gateway().send(TO, "Hello"));

		assertThat(failure.permanent()).isTrue();
		assertThat(failure.getMessage()).contains("400").contains("21211").doesNotContain(TO);
	}

	@ParameterizedTest
	@ValueSource(ints = { 429, 500, 503, 401 })
	void rateLimitsServerErrorsAndRejectedCredentialsAreRetried(int status) {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": " + status + "}")));

		var failure = catchThrowableOfType(SmsDeliveryException.class, () -> gateway().send(TO, "Hello"));

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.getMessage()).contains(String.valueOf(status));
	}

	@Test
	void aSlowAnswerTimesOutAndIsRetried() {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SMlate\"}")
			.withFixedDelay(2_500)));

		long started = System.nanoTime();
		var failure = catchThrowableOfType(SmsDeliveryException.class, () -> gateway().send(TO, "Hello"));

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.getMessage()).contains("did not answer");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_400));
	}

	@Test
	void anUnreachableApiIsRetried() throws IOException {
		int closedPort;
		try (var socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		var gateway = new TwilioSmsGateway(
				new SmsProperties.Twilio("http://127.0.0.1:" + closedPort, ACCOUNT, TOKEN, "+18005550199", 1));

		var failure = catchThrowableOfType(SmsDeliveryException.class, () -> gateway.send(TO, "Hello"));

		assertThat(failure.permanent()).isFalse();
		assertThat(failure.getMessage()).contains("unreachable");
	}

	@Test
	void aSuccessWithoutAMessageSidIsRetried() {
		twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("<html>proxy page</html>")));

		var failure = catchThrowableOfType(SmsDeliveryException.class, () -> gateway().send(TO, "Hello"));

		assertThat(failure.permanent()).isFalse();
	}

	@Test
	void refusesToStartWithoutCredentials() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new TwilioSmsGateway(new SmsProperties.Twilio(twilio.baseUrl(), ACCOUNT, null, "+1800", 1)))
			.withMessageContaining("auth-token")
			.withMessageNotContaining(ACCOUNT);
	}
}
