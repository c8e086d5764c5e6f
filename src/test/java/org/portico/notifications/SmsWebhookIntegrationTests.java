package org.portico.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.customer.CustomerManagement;
import org.portico.customer.NewServiceAccount;
import org.portico.identity.GrantRole;
import org.portico.identity.IdentityManagement;
import org.portico.identity.LoginId;
import org.portico.notifications.integration.TwilioSignature;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Texts customers send back: STOP ends consent at once, HELP says who we are; only Twilio-signed requests
 * count (DECISIONS.md "Messages").
 */
class SmsWebhookIntegrationTests extends IntegrationTestSupport {

	private static final String PATH = "/webhooks/sms/twilio";

	/** What MockMvc's requests look like to the application. */
	private static final String MOCK_URL = "http://localhost" + PATH;

	@Autowired
	MockMvc mvc;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	CustomerManagement customers;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	@Value("${portico.sms.twilio.auth-token}")
	String authToken;

	@LocalServerPort
	int port;

	OutboxRows rows;

	@BeforeEach
	void rows() {
		rows = new OutboxRows(jdbc);
	}

	@Test
	void stopEndsTheConsentAtOnceAndLaterNoticesAreNotTexted() throws Exception {
		var subscriber = subscriber(Language.EN_US);
		assertThat(rows.channels(notifications.send(outage(subscriber.login())))).contains("SMS");

		MvcResult result = mvc.perform(signed(MOCK_URL, inbound(subscriber.phone(), "  Stop ")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
			.andReturn();

		assertThat(replyOf(result)).isEqualTo(
				"Riverbend Communications: you’re unsubscribed and will get no more texts from us. To get texts again, turn them on in My Account.");
		assertThat(notifications.preferencesOf(subscriber.login()).hasSmsConsent()).isFalse();
		assertThat(jdbc.sql("select withdrawn_by from notifications.sms_consent where phone = :phone")
			.param("phone", subscriber.phone().e164())
			.query(String.class)
			.list()).containsOnly("STOP");
		assertThat(rows.channels(notifications.send(outage(subscriber.login())))).containsExactly("EMAIL", "IN_APP");
	}

	@Test
	void everyOptOutWordStopsTexts() throws Exception {
		for (String word : List.of("STOPALL", "unsubscribe", "Cancel", "END", "quit")) {
			var subscriber = subscriber(Language.EN_US);
			mvc.perform(signed(MOCK_URL, inbound(subscriber.phone(), word))).andExpect(status().isOk());
			assertThat(notifications.preferencesOf(subscriber.login()).hasSmsConsent()).as(word).isFalse();
		}
	}

	@Test
	void refusesAnUnsignedOrWronglySignedCallAndChangesNothing() throws Exception {
		var subscriber = subscriber(Language.EN_US);
		var stop = inbound(subscriber.phone(), "STOP");

		mvc.perform(form(post(PATH), stop)).andExpect(status().isForbidden());
		mvc.perform(form(post(PATH), stop).header("X-Twilio-Signature", "")).andExpect(status().isForbidden());
		mvc.perform(form(post(PATH), stop).header("X-Twilio-Signature", "not base64!")).andExpect(status().isForbidden());
		mvc.perform(form(post(PATH), stop).header("X-Twilio-Signature",
				TwilioSignature.sign("another-accounts-token", MOCK_URL, multi(stop)))).andExpect(status().isForbidden());
		// signed for other words, or for another address
		mvc.perform(form(post(PATH), stop).header("X-Twilio-Signature",
				TwilioSignature.sign(authToken, MOCK_URL, multi(inbound(subscriber.phone(), "HELLO")))))
			.andExpect(status().isForbidden());
		mvc.perform(form(post(PATH), stop).header("X-Twilio-Signature",
				TwilioSignature.sign(authToken, "https://elsewhere.example.com" + PATH, multi(stop))))
			.andExpect(status().isForbidden());

		assertThat(notifications.preferencesOf(subscriber.login()).hasSmsConsent()).isTrue();
	}

	@Test
	void refusesASignedCallWithoutAUsableSender() throws Exception {
		var noSender = new LinkedHashMap<>(inbound(OutboxRows.uniquePhone(), "STOP"));
		noSender.remove("From");
		mvc.perform(signed(MOCK_URL, noSender)).andExpect(status().isBadRequest());
		var notAPhone = new LinkedHashMap<>(noSender);
		notAPhone.put("From", "whatsapp:somebody");
		mvc.perform(signed(MOCK_URL, notAPhone)).andExpect(status().isBadRequest());
	}

	@Test
	void answersHelpWithTheSupportNumberAsWellFormedEscapedTwiml() throws Exception {
		var subscriber = subscriber(Language.EN_US);
		for (String word : List.of("HELP", " info")) {
			MvcResult result = mvc.perform(signed(MOCK_URL, inbound(subscriber.phone(), word)))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML))
				.andReturn();
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Msg &amp; data rates");
			assertThat(replyOf(result)).isEqualTo("Riverbend Communications: account texts. Msg frequency varies. "
					+ "Msg & data rates may apply. Help: 1-800-555-0199. Reply STOP to cancel.");
		}
		assertThat(notifications.preferencesOf(subscriber.login()).hasSmsConsent()).isTrue();
	}

	@Test
	void answersInTheSubscribersLanguage() throws Exception {
		var subscriber = subscriber(Language.ES_US);
		assertThat(replyOf(mvc.perform(signed(MOCK_URL, inbound(subscriber.phone(), "HELP"))).andReturn()))
			.startsWith("Riverbend Communications: mensajes de la cuenta.");
		assertThat(replyOf(mvc.perform(signed(MOCK_URL, inbound(OutboxRows.uniquePhone(), "ayuda"))).andReturn()))
			.as("AYUDA, as the Spanish confirmation text offers")
			.startsWith("Riverbend Communications: mensajes de la cuenta.");
		assertThat(replyOf(mvc.perform(signed(MOCK_URL, inbound(subscriber.phone(), "STOP"))).andReturn()))
			.startsWith("Riverbend Communications: canceló su suscripción");
	}

	@Test
	void leavesOtherTextsUnansweredAndChangesNothing() throws Exception {
		var subscriber = subscriber(Language.EN_US);
		for (String text : List.of("Thanks!", "please stop texting me", "")) {
			MvcResult result = mvc.perform(signed(MOCK_URL, inbound(subscriber.phone(), text)))
				.andExpect(status().isOk())
				.andReturn();
			assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
		}
		assertThat(notifications.preferencesOf(subscriber.login()).hasSmsConsent()).isTrue();
	}

	@Test
	void verifiesTheAddressTwilioCalledAsTheProxyForwardedIt() throws Exception {
		var subscriber = subscriber(Language.EN_US);
		// Twilio calls https://portal.example.com/...?tenant=riverbend; the proxy forwards over plain HTTP
		String publicUrl = "https://portal.example.com" + PATH + "?tenant=riverbend";
		String local = "http://127.0.0.1:" + port + PATH + "?tenant=riverbend";
		var help = inbound(subscriber.phone(), "HELP");

		assertThat(overHttp(local, help, TwilioSignature.sign(authToken, publicUrl, multi(help)), false).statusCode())
			.as("without the forwarded headers the signed address is not the one called")
			.isEqualTo(403);
		assertThat(overHttp(local, help, TwilioSignature.sign(authToken, local, multi(help)), true).statusCode())
			.as("with them, the local address is not the one Twilio signed")
			.isEqualTo(403);
		var answered = overHttp(local, help, TwilioSignature.sign(authToken, publicUrl, multi(help)), true);
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).contains("<Message>Riverbend Communications: account texts.");
		assertThat(answered.headers().allValues("Set-Cookie")).as("Twilio gets no session").isEmpty();

		var stop = inbound(subscriber.phone(), "STOP");
		assertThat(overHttp(local, stop, TwilioSignature.sign(authToken, publicUrl, multi(stop)), true).statusCode())
			.isEqualTo(200);
		assertThat(notifications.preferencesOf(subscriber.login()).hasSmsConsent()).isFalse();
	}

	private HttpResponse<String> overHttp(String url, Map<String, String> parameters, String signature,
			boolean forwarded) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
			.header("X-Twilio-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(encode(parameters)));
		if (forwarded) {
			request.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "portal.example.com");
		}
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A login of a customer speaking {@code language} who consented to texts and chose outage texts. */
	private Subscriber subscriber(Language language) {
		var base = AccountFixtures.newAccount("Sam", "Texter");
		var account = customers.open(new NewServiceAccount(base.holderFirstName(), base.holderLastName(), base.email(),
				base.phone(), language, base.serviceAddress(), null, base.billingDay(), base.status()));
		var login = identity.createLogin(account.holder().id(), account.holder().email(), null, AccountFixtures.SECRET);
		identity.grant(login.id(), account.id(), GrantRole.OWNER);
		PhoneNumber phone = OutboxRows.uniquePhone();
		notifications.choose(login.id(), Map.of(Category.OUTAGES, Map.of(Channel.SMS, true)));
		notifications.consentToSms(login.id(), phone, "Texts about my account", "203.0.113.7");
		return new Subscriber(login.id(), phone);
	}

	private record Subscriber(LoginId login, PhoneNumber phone) {
	}

	private static Notification outage(LoginId login) {
		return Notification.of(Category.OUTAGES, "login-created", new Recipient.Login(login), Map.of());
	}

	/** An inbound text as Twilio posts it. */
	private static Map<String, String> inbound(PhoneNumber from, String body) {
		var parameters = new LinkedHashMap<String, String>();
		parameters.put("ToCountry", "US");
		parameters.put("SmsMessageSid", "SM0123456789abcdef0123456789abcdef");
		parameters.put("NumMedia", "0");
		parameters.put("Body", body);
		parameters.put("From", from.e164());
		parameters.put("To", "+18005550199");
		parameters.put("MessageSid", "SM0123456789abcdef0123456789abcdef");
		parameters.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
		parameters.put("ApiVersion", "2010-04-01");
		return parameters;
	}

	private MockHttpServletRequestBuilder signed(String url, Map<String, String> parameters) {
		return form(post(PATH), parameters).header("X-Twilio-Signature",
				TwilioSignature.sign(authToken, url, multi(parameters)));
	}

	private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, String> parameters) {
		return request.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(encode(parameters));
	}

	private static String encode(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, List<String>> multi(Map<String, String> parameters) {
		var multi = new LinkedHashMap<String, List<String>>();
		parameters.forEach((name, value) -> multi.put(name, List.of(value)));
		return multi;
	}

	/** The text of the TwiML's one Message, read as XML (so escaping is proven, not assumed). */
	private static String replyOf(MvcResult result) throws Exception {
		byte[] body = result.getResponse().getContentAsByteArray();
		var document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("Response");
		var messages = document.getElementsByTagName("Message");
		assertThat(messages.getLength()).isEqualTo(1);
		return messages.item(0).getTextContent();
	}
}
