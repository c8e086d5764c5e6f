package org.portico.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.portico.TestMail;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a test of behaviour (run on demand, see README "Benchmarks"): how fast the outbox drains
 * a backlog of 10,000 emails to a local SMTP server (GreenMail), against sending the same mails directly
 * with the same renderer and batch size but without the outbox, in one run. Prints the figures and writes
 * them to {@code target/benchmarks/outbox.txt}.
 */
class OutboxThroughputBenchmark extends IntegrationTestSupport {

	private static final int MESSAGES = Integer.getInteger("benchmark.messages", 10_000);

	@Autowired
	NotificationManagement notifications;

	@Autowired
	MessageRenderer renderer;

	@Autowired
	JavaMailSender mail;

	@Autowired
	NotificationsProperties properties;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void outboxThroughputAgainstDirectSending() throws Exception {
		warmUp();
		String run = UUID.randomUUID().toString().substring(0, 8);

		// Direct: render and send in batches over one connection each, as the delivery job does.
		TestMail.server().purgeEmailFromAllMailboxes();
		long directStart = System.nanoTime();
		List<MimeMessage> batch = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			var rendered = renderer.render("login-created", Language.EN_US, Map.of("firstName", "Bench"));
			MimeMessage message = mail.createMimeMessage();
			var helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(properties.from());
			helper.setTo("direct-" + run + "-" + i + "@example.test");
			helper.setSubject(rendered.subject());
			helper.setText(rendered.text(), rendered.html());
			batch.add(message);
			if (batch.size() == properties.batchSize()) {
				mail.send(batch.toArray(MimeMessage[]::new));
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			mail.send(batch.toArray(MimeMessage[]::new));
		}
		double directSeconds = (System.nanoTime() - directStart) / 1e9;
		assertThat(TestMail.server().getReceivedMessages()).hasSize(MESSAGES);
		TestMail.server().purgeEmailFromAllMailboxes();

		// Outbox: a backlog committed at once, then drained by the scheduled delivery job.
		long enqueueStart = System.nanoTime();
		transaction.executeWithoutResult(status -> {
			for (int i = 0; i < MESSAGES; i++) {
				notifications.send(Notification.of(Category.ACCOUNT, "login-created",
						new Recipient.Email(new EmailAddress("outbox-" + run + "-" + i + "@example.test"), Language.EN_US),
						Map.of("firstName", "Bench")));
			}
		});
		double enqueueSeconds = (System.nanoTime() - enqueueStart) / 1e9;
		long drainStart = System.nanoTime();
		while (sentOf(run) < MESSAGES) {
			if ((System.nanoTime() - drainStart) / 1e9 > 600) {
				throw new AssertionError("Backlog not drained in 10 minutes: " + sentOf(run) + " sent");
			}
			Thread.sleep(20);
		}
		double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
		assertThat(TestMail.server().getReceivedMessages()).hasSize(MESSAGES);
		TestMail.server().purgeEmailFromAllMailboxes();

		double direct = MESSAGES / directSeconds;
		double outbox = MESSAGES / drainSeconds;
		String report = String.format(Locale.US, """
				Outbox throughput benchmark (%,d emails to a local SMTP server, batches of %d)
				  direct, no outbox:        %,8.0f mails/s (%.2f s)
				  outbox enqueue (1 tx):    %,8.0f mails/s (%.2f s)
				  outbox delivery (drain):  %,8.0f mails/s (%.2f s)
				  delivery / direct ratio:  %.2f
				""", MESSAGES, properties.batchSize(), direct, directSeconds, MESSAGES / enqueueSeconds, enqueueSeconds,
				outbox, drainSeconds, outbox / direct);
		System.out.println(report);
		Files.createDirectories(Path.of("target", "benchmarks"));
		Files.writeString(Path.of("target", "benchmarks", "outbox.txt"), report);
	}

	private long sentOf(String run) {
		return jdbc.sql("select count(*) from notifications.message where address like :pattern and status = 'SENT'")
			.param("pattern", "outbox-" + run + "-%")
			.query(Long.class)
			.single();
	}

	/** Warms the JIT, the template caches and the connection pool so both runs start alike. */
	private void warmUp() throws Exception {
		for (int i = 0; i < 300; i++) {
			renderer.render("login-created", Language.EN_US, Map.of("firstName", "Warm"));
		}
		MimeMessage message = mail.createMimeMessage();
		var helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(properties.from());
		helper.setTo("warm@example.test");
		helper.setSubject("warm-up");
		helper.setText("warm-up");
		mail.send(message);
	}
}
