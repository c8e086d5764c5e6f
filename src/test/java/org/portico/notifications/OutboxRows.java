package org.portico.notifications;

import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.portico.TestMail;
import org.portico.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the outbox rows and received mails of one test: the delivery job runs all along, for every test,
 * so a test looks only at its own messages (by ID, or by the X-Portico-Message-Id header).
 */
final class OutboxRows {

	private final JdbcClient jdbc;

	OutboxRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(UUID id, String channel, String status, int attempts, @Nullable String lastError, Instant nextAttemptAt,
			@Nullable Instant sentAt, String bodyText, @Nullable String bodyHtml, boolean redacted, boolean urgent,
			@Nullable String address) {
	}

	Row row(MessageId id) {
		return jdbc.sql("""
				select id, channel, status, attempts, last_error, next_attempt_at, sent_at, body_text, body_html,
				    redacted, urgent, address
				from notifications.message where id = :id
				""").param("id", id.value()).query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("channel"),
				rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
				rs.getTimestamp("next_attempt_at").toInstant(), instant(rs.getTimestamp("sent_at")),
				rs.getString("body_text"), rs.getString("body_html"), rs.getBoolean("redacted"), rs.getBoolean("urgent"),
				rs.getString("address"))).single();
	}

	String channel(MessageId id) {
		return row(id).channel();
	}

	MessageId on(List<MessageId> ids, Channel channel) {
		return ids.stream().filter(id -> channel(id).equals(channel.name())).findFirst().orElseThrow(
				() -> new AssertionError("no " + channel + " message among " + ids));
	}

	List<String> channels(List<MessageId> ids) {
		return ids.stream().map(this::channel).sorted().toList();
	}

	Row awaitStatus(MessageId id, String status) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> row(id), row -> row.status().equals(status));
	}

	/** Waits until no email is waiting for delivery: a test about to take the SMTP server down starts quiet. */
	void awaitNoEmailInFlight() {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from notifications.message
				where channel = 'EMAIL' and status in ('PENDING', 'SENDING') and next_attempt_at <= now() + interval '5 seconds'
				""").query(Long.class).single() == 0);
	}

	void delete(MessageId id) {
		jdbc.sql("delete from notifications.message where id = :id").param("id", id.value()).update();
	}

	long countFor(UUID person) {
		return jdbc.sql("select count(*) from notifications.message where person_id = :person")
			.param("person", person)
			.query(Long.class)
			.single();
	}

	/** The mails the test SMTP server received for that outbox message. */
	static List<MimeMessage> received(MessageId id) {
		return Arrays.stream(TestMail.server().getReceivedMessages())
			.filter(message -> id.toString().equals(header(message)))
			.toList();
	}

	static MimeMessage awaitReceived(MessageId id) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> received(id), list -> !list.isEmpty()).get(0);
	}

	private static @Nullable String header(MimeMessage message) {
		try {
			String[] values = message.getHeader("X-Portico-Message-Id");
			return values == null ? null : values[0];
		}
		catch (MessagingException e) {
			return null;
		}
	}

	/**
	 * A mobile number no other test uses, ending neither in 0000 nor 0001 (the simulator's failing numbers).
	 */
	static PhoneNumber uniquePhone() {
		String number;
		do {
			number = "+1267" + ThreadLocalRandom.current().nextLong(2_000_000, 10_000_000);
		}
		while (number.endsWith("0000") || number.endsWith("0001"));
		return new PhoneNumber(number);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
