package org.portico.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.notifications.integration.TwilioSignature;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Logs never carry codes, full email addresses or phone numbers (DECISIONS.md, ENGINEERING.md 6), whatever
 * the delivery job and the SMS webhook do: deliveries, a dead letter, STOP and HELP, a forged request.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationLogIntegrationTests extends IntegrationTestSupport {

	@Autowired
	NotificationManagement notifications;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Value("${portico.sms.twilio.auth-token}")
	String authToken;

	@Test
	void deliveriesAndRepliesLeaveNoCodeAddressOrNumberInTheLog(CapturedOutput output) throws Exception {
		var rows = new OutboxRows(jdbc);
		var owned = fixtures.ownedAccount();
		var login = owned.owner().id();
		String email = owned.owner().email().value();
		PhoneNumber phone = OutboxRows.uniquePhone();
		PhoneNumber unreachable = new PhoneNumber("+1267" + ThreadLocalRandom.current().nextInt(100, 999) + "0000");
		String code = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
		notifications.consentToSms(login, phone, "Texts about my account", "203.0.113.7");

		var byEmail = notifications.send(securityCode(new Recipient.Login(login), code));
		var byText = notifications.send(securityCode(new Recipient.Phone(phone, Language.EN_US), code));
		var undeliverable = notifications.send(securityCode(new Recipient.Phone(unreachable, Language.EN_US), code));
		try {
			rows.awaitStatus(rows.on(byEmail, Channel.EMAIL), "SENT");
			rows.awaitStatus(byText.get(0), "SENT");
			rows.awaitStatus(undeliverable.get(0), "DEAD");
		}
		finally {
			rows.delete(undeliverable.get(0));
		}
		mvc.perform(inbound(phone, "HELP", true)).andExpect(status().isOk());
		mvc.perform(inbound(phone, "STOP", false)).andExpect(status().isForbidden());
		mvc.perform(inbound(phone, "STOP", true)).andExpect(status().isOk());

		String log = output.getAll();
		assertThat(log).as("the journey was logged at all").contains("Simulated SMS");
		assertThat(log).doesNotContain(code).doesNotContain(email).doesNotContain(authToken);
		for (PhoneNumber number : List.of(phone, unreachable)) {
			assertThat(log).doesNotContain(number.e164())
				.doesNotContain(number.e164().substring(2))
				.doesNotContain(number.display());
		}
	}

	private static Notification securityCode(Recipient recipient, String code) {
		return Notification.of(Category.SECURITY, "security-code", recipient, Map.of("code", code, "minutes", 10))
			.secret();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder inbound(PhoneNumber from,
			String body, boolean signed) {
		var parameters = new LinkedHashMap<String, String>();
		parameters.put("Body", body);
		parameters.put("From", from.e164());
		parameters.put("To", "+18005550199");
		parameters.put("MessageSid", "SM" + "0123456789abcdef".repeat(2));
		var request = post("/webhooks/sms/twilio").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(parameters.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&")));
		if (signed) {
			var multi = new LinkedHashMap<String, List<String>>();
			parameters.forEach((name, value) -> multi.put(name, List.of(value)));
			request.header("X-Twilio-Signature", TwilioSignature.sign(authToken, "http://localhost/webhooks/sms/twilio", multi));
		}
		return request;
	}
}
