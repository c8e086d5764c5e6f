package org.portico.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox delivers over real SMTP (GreenMail). */
class OutboxDeliveryIntegrationTests extends IntegrationTestSupport {

	@Autowired
	NotificationManagement notifications;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deliversAnEmailWithTextAndHtmlPartsInTheCustomersLanguage() throws Exception {
		var owned = fixtures.ownedAccount();
		var ids = notifications.send(Notification.of(Category.ACCOUNT, "login-created",
				new Recipient.Customer(owned.account().holder().id()), Map.of()));
		var email = ids.stream().filter(id -> channel(id).equals("EMAIL")).findFirst().orElseThrow();
		MimeMessage received = awaitReceived(email);
		assertThat(received.getSubject()).isEqualTo("An online login was created for your account");
		assertThat(received.getAllRecipients()[0].toString()).isEqualTo(owned.account().holder().email().value());
		String raw = new String(received.getRawInputStream().readAllBytes());
		assertThat(received.getContentType()).startsWith("multipart/");
		assertThat(status(email)).isEqualTo("SENT");
	}

	private MimeMessage awaitReceived(MessageId id) {
		return await().atMost(Duration.ofSeconds(15)).until(() -> Arrays.stream(TestMail.server().getReceivedMessages())
			.filter(m -> id.toString().equals(header(m)))
			.findFirst()
			.orElse(null), m -> m != null);
	}

	private static String header(MimeMessage message) {
		try {
			String[] values = message.getHeader("X-Portico-Message-Id");
			return values == null ? null : values[0];
		}
		catch (jakarta.mail.MessagingException e) {
			return null;
		}
	}

	private String channel(MessageId id) {
		return jdbc.sql("select channel from notifications.message where id = :id").param("id", id.value())
			.query(String.class).single();
	}

	private String status(MessageId id) {
		return jdbc.sql("select status from notifications.message where id = :id").param("id", id.value())
			.query(String.class).single();
	}
}
