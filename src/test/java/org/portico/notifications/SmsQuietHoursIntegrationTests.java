package org.portico.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.identity.LoginId;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Texts wait out the quiet hours (21:00 to 08:00 in the provider's zone), except security codes. */
class SmsQuietHoursIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Autowired
	NotificationManagement notifications;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private final List<MessageId> created = new ArrayList<>();

	@AfterEach
	void backToRealTime() {
		TestClock.reset();
		// a text this test left waiting (it failed midway) must not wait into other tests
		created.forEach(id -> jdbc.sql("delete from notifications.message where id = :id and status <> 'SENT'")
			.param("id", id.value())
			.update());
	}

	@Test
	void postponesTextsAtNightToTheMorningButSendsASecurityCodeAtOnce() {
		var rows = new OutboxRows(jdbc);
		ZonedDateTime night = TestClock.todayAt(22, 30);
		ZonedDateTime morning = night.toLocalDate().plusDays(1).atTime(LocalTime.of(8, 0)).atZone(ZONE);
		try {
			TestClock.fixAt(night);
			LoginId login = fixtures.ownedAccount().owner().id();
			PhoneNumber phone = OutboxRows.uniquePhone();
			notifications.choose(login, Map.of(Category.OUTAGES, Map.of(Channel.SMS, true)));
			notifications.consentToSms(login, phone, "Texts about my account", "203.0.113.7");
			MessageId subscribed = latestTextTo(phone);
			MessageId outage = rows.on(track(notifications.send(Notification.of(Category.OUTAGES, "login-created",
					new Recipient.Login(login), Map.of()))), Channel.SMS);
			MessageId code = track(notifications.send(Notification.of(Category.SECURITY, "security-code",
					new Recipient.Phone(phone, Language.EN_US), Map.of("code", "550123", "minutes", 10)).secret())).get(0);

			var sentCode = rows.awaitStatus(code, "SENT");
			assertThat(sentCode.urgent()).isTrue();
			assertThat(sentCode.sentAt()).isEqualTo(night.toInstant());
			for (MessageId waiting : List.of(subscribed, outage)) {
				var postponed = await().atMost(Duration.ofSeconds(20))
					.until(() -> rows.row(waiting), row -> row.nextAttemptAt().equals(morning.toInstant()));
				assertThat(postponed.status()).isEqualTo("PENDING");
				assertThat(postponed.attempts()).as("waiting is not a failed attempt").isZero();
			}
			// several runs of the job later, still waiting
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
				.until(() -> rows.row(outage).status().equals("PENDING") && rows.row(subscribed).status().equals("PENDING"));

			TestClock.fixAt(morning.plusMinutes(1));
			for (MessageId waiting : List.of(subscribed, outage)) {
				var sent = rows.awaitStatus(waiting, "SENT");
				assertThat(sent.sentAt()).isEqualTo(morning.plusMinutes(1).toInstant());
				assertThat(sent.attempts()).isEqualTo(1);
			}
		}
		finally {
			TestClock.reset();
		}
	}

	@Test
	void aStopReplyCancelsTextsWaitingForTheMorning() {
		var rows = new OutboxRows(jdbc);
		ZonedDateTime night = TestClock.todayAt(23, 15);
		ZonedDateTime morning = night.toLocalDate().plusDays(1).atTime(LocalTime.of(8, 5)).atZone(ZONE);
		try {
			TestClock.fixAt(night);
			LoginId login = fixtures.ownedAccount().owner().id();
			PhoneNumber phone = OutboxRows.uniquePhone();
			notifications.choose(login, Map.of(Category.OUTAGES, Map.of(Channel.SMS, true)));
			notifications.consentToSms(login, phone, "Texts about my account", "203.0.113.8");
			MessageId outage = rows.on(track(notifications.send(Notification.of(Category.OUTAGES, "login-created",
					new Recipient.Login(login), Map.of()))), Channel.SMS);
			await().atMost(Duration.ofSeconds(20)).until(() -> rows.row(outage).nextAttemptAt().isAfter(night.toInstant()));

			notifications.stopTextsTo(phone);
			assertThat(rows.row(outage).status()).isEqualTo("CANCELLED");

			TestClock.fixAt(morning);
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
				.until(() -> rows.row(outage).status().equals("CANCELLED"));
		}
		finally {
			TestClock.reset();
		}
	}

	private MessageId latestTextTo(PhoneNumber phone) {
		MessageId id = new MessageId(jdbc.sql("""
				select id from notifications.message where channel = 'SMS' and address = :phone
				order by created_at desc limit 1
				""").param("phone", phone.e164()).query(java.util.UUID.class).single());
		created.add(id);
		return id;
	}

	private List<MessageId> track(List<MessageId> ids) {
		created.addAll(ids);
		return ids;
	}
}
