package org.portico.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.portico.notifications.OutboxRows.awaitReceived;
import static org.portico.notifications.OutboxRows.received;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.TestMail;
import org.portico.customer.CustomerManagement;
import org.portico.customer.NewServiceAccount;
import org.portico.notifications.integration.SmsGateway;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox delivers over real SMTP (GreenMail) and the SMS simulator through the scheduled job: both
 * languages, retries across an SMTP outage, dead letters, secrets, unknown templates and replays.
 */
class OutboxDeliveryIntegrationTests extends IntegrationTestSupport {

	@Autowired
	NotificationManagement notifications;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	OutboxRepository outbox;

	@Autowired
	PreferenceRepository preferenceRepository;

	@Autowired
	EmailDelivery emailDelivery;

	@Autowired
	SmsGateway smsGateway;

	@Autowired
	NotificationsProperties properties;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	OutboxRows rows;

	@BeforeEach
	void rows() {
		rows = new OutboxRows(jdbc);
	}

	@Test
	void deliversAnEmailWithTextAndHtmlPartsInTheCustomersLanguage() throws Exception {
		var owned = fixtures.ownedAccount();
		var ids = notifications.send(Notification.of(Category.ACCOUNT, "login-created",
				new Recipient.Customer(owned.account().holder().id()), Map.of()));
		MessageId email = rows.on(ids, Channel.EMAIL);

		MimeMessage received = awaitReceived(email);
		assertThat(received.getSubject()).isEqualTo("An online login was created for your account");
		assertThat(received.getAllRecipients()[0].toString()).isEqualTo(owned.account().holder().email().value());
		assertThat(received.getContentType()).startsWith("multipart/");
		assertThat(part(received, "text/plain")).contains("An online login to My Account was just created")
			.contains("Hello Test,");
		assertThat(part(received, "text/html")).contains("lang=\"en-US\"")
			.contains("An online login to My Account was just created")
			.contains("Riverbend Communications");
		assertThat(rows.awaitStatus(email, "SENT").attempts()).isEqualTo(1);
		assertThat(received(email)).hasSize(1);
	}

	@Test
	void rendersTheSpanishTemplatesForASpanishSpeakingCustomer() throws Exception {
		var base = AccountFixtures.newAccount("Lucia", "Ortega");
		var account = customers.open(new NewServiceAccount("Lucía", base.holderLastName(), base.email(),
				base.phone(), Language.ES_US, base.serviceAddress(), null, base.billingDay(), base.status()));
		var ids = notifications.send(Notification.of(Category.ACCOUNT, "login-created",
				new Recipient.Customer(account.holder().id()), Map.of()));

		MimeMessage received = awaitReceived(rows.on(ids, Channel.EMAIL));
		assertThat(received.getSubject()).isEqualTo("Se creó un acceso en línea para su cuenta");
		assertThat(part(received, "text/plain")).contains("Hola, Lucía:")
			.contains("Se acaba de crear un acceso a Mi Cuenta para su cuenta.");
		assertThat(part(received, "text/html")).contains("lang=\"es-US\"")
			.contains("Se acaba de crear un acceso a Mi Cuenta para su cuenta.");
	}

	@Test
	void retriesAfterTheMailServerIsBackWithNothingLostAndNothingSentTwice() throws Exception {
		rows.awaitNoEmailInFlight();
		MessageId email;
		try {
			TestMail.stop();
			email = sendSecurityCodeTo(uniqueEmail()).get(0);
			// max-attempts=4, 0.5 s / 1 s / 2 s apart in tests: start again well before the last attempt
			var failed = await().atMost(Duration.ofSeconds(10))
				.until(() -> rows.row(email), row -> row.attempts() > 0 && row.status().equals("PENDING"));
			assertThat(failed.lastError()).isNotBlank().doesNotContain("@");
		}
		finally {
			TestMail.start();
		}
		var sent = rows.awaitStatus(email, "SENT");
		assertThat(sent.attempts()).isBetween(2, properties.maxAttempts());
		assertThat(sent.lastError()).isNull();
		assertThat(awaitReceived(email).getSubject()).isEqualTo("Your security code");
		// a few more runs of the job: still exactly one mail
		Thread.sleep(1_000);
		assertThat(received(email)).hasSize(1);
	}

	@Test
	void deadLettersAfterTheLastAttemptAndReportsItInHealthAndMetrics() throws Exception {
		rows.awaitNoEmailInFlight();
		double deadBefore = gauge("portico_notifications_dead");
		Instant outageStart = Instant.now();
		MessageId email = null;
		try {
			TestMail.stop();
			email = sendSecurityCodeTo(uniqueEmail()).get(0);
			MessageId id = email;
			var dead = await().atMost(Duration.ofSeconds(20)).until(() -> rows.row(id), row -> row.status().equals("DEAD"));
			assertThat(dead.attempts()).isEqualTo(properties.maxAttempts());
			assertThat(dead.lastError()).isNotBlank();

			mvc.perform(get("/actuator/health"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.components.notifications.status").value("DEGRADED"));
			assertThat(gauge("portico_notifications_dead")).isGreaterThanOrEqualTo(deadBefore + 1);
			assertThat(prometheus()).containsPattern("portico_notifications_failed_total\\{[^}]*channel=\"email\"");
		}
		finally {
			TestMail.start();
			if (email != null) {
				rows.delete(email);
			}
			// an email another test enqueued during the outage (an event handled late) gets its attempts back
			jdbc.sql("""
					update notifications.message set status = 'PENDING', attempts = 0, next_attempt_at = now()
					where channel = 'EMAIL' and status = 'DEAD' and created_at >= :start
					""").param("start", java.sql.Timestamp.from(outageStart.minusSeconds(60))).update();
		}
		// as healthy as before: what this test dead-lettered is gone
		await().atMost(Duration.ofSeconds(20)).until(() -> gauge("portico_notifications_dead") == deadBefore);
		if (deadBefore == 0 && gauge("portico_notifications_stuck") == 0) {
			mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components.notifications.status").value("UP"));
		}
	}

	@Test
	void deadLettersATextToAnUndeliverableNumberAtOnceWithoutRetrying() throws Exception {
		// the simulator cannot deliver to numbers ending in 0000: a permanent failure
		var ids = notifications.send(Notification.of(Category.SECURITY, "security-code",
				new Recipient.Phone(new PhoneNumber("+1267555" + "0000"), Language.EN_US),
				Map.of("code", "482913", "minutes", 10)).secret());
		MessageId text = ids.get(0);
		try {
			var dead = rows.awaitStatus(text, "DEAD");
			assertThat(dead.attempts()).isEqualTo(1);
			assertThat(dead.lastError()).contains("21614");
			Thread.sleep(1_000);
			assertThat(rows.row(text).attempts()).as("no retry of a permanent failure").isEqualTo(1);
		}
		finally {
			rows.delete(text);
		}
	}

	@Test
	void keepsASecretMessagesBodyInDemoModeForTheDemoInbox() {
		String code = code();
		var ids = notifications.send(Notification.of(Category.SECURITY, "security-code",
				new Recipient.Email(uniqueEmail(), Language.EN_US), Map.of("code", code, "minutes", 10)).secret());
		var sent = rows.awaitStatus(ids.get(0), "SENT");
		assertThat(sent.redacted()).isFalse();
		assertThat(sent.bodyText()).contains(code);
		assertThat(notifications.deliveredMessage(ids.get(0)).orElseThrow().bodyHtml()).contains(code);
	}

	@Test
	void redactsASecretMessagesBodyOnceDeliveredOutsideDemoMode() throws Exception {
		// The shared context runs in demo mode; this job instance does not. The rows are inserted and delivered in
		// one transaction, so the context's own job never sees them.
		var job = new OutboxDelivery(outbox, preferenceRepository, emailDelivery, smsGateway, properties, clock, new SimpleMeterRegistry(),
				false);
		String code = code();
		UUID secretEmail = UUID.randomUUID();
		UUID secretText = UUID.randomUUID();
		UUID plainEmail = UUID.randomUUID();
		String address = uniqueEmail().value();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			Instant now = clock.instant();
			outbox.insert(secretEmail, Category.SECURITY, "security-code", Channel.EMAIL, null, null, address,
					Language.EN_US, "Your security code", "Your code: " + code, "<p>Your code: " + code + "</p>", true,
					true, "PENDING", now, null);
			outbox.insert(secretText, Category.SECURITY, "security-code", Channel.SMS, null, null,
					OutboxRows.uniquePhone().e164(), Language.EN_US, "Your security code", "Your code is " + code, null,
					true, true, "PENDING", now, null);
			outbox.insert(plainEmail, Category.ACCOUNT, "login-created", Channel.EMAIL, null, null, address,
					Language.EN_US, "An online login was created", "No secret here", "<p>No secret here</p>", false,
					false, "PENDING", now, null);
			job.deliverBatch();
		});

		for (UUID secret : List.of(secretEmail, secretText)) {
			var row = rows.row(new MessageId(secret));
			assertThat(row.status()).isEqualTo("SENT");
			assertThat(row.redacted()).isTrue();
			assertThat(row.bodyText()).isEqualTo(OutboxRepository.REDACTED).doesNotContain(code);
			assertThat(row.bodyHtml()).isNull();
		}
		var plain = rows.row(new MessageId(plainEmail));
		assertThat(plain.status()).isEqualTo("SENT");
		assertThat(plain.redacted()).isFalse();
		assertThat(plain.bodyText()).isEqualTo("No secret here");
		// the customer got the code: only Portico's copy is gone
		assertThat(part(awaitReceived(new MessageId(secretEmail)), "text/plain")).contains(code);
	}

	@Test
	void countsFailingAndOverdueMessagesAsStuckButNotATextWaitingOutTheNight() {
		// rows inserted and counted in one transaction, rolled back: the delivery job never sees them
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			Instant now = clock.instant();
			Instant before = now.minus(properties.stuckAfter());
			long baseline = outbox.countStuck(before);
			Instant anHourAgo = now.minus(Duration.ofHours(1));
			UUID waitingForMorning = insertText(anHourAgo);
			UUID failingEver = insertText(anHourAgo);
			UUID overdue = insertText(anHourAgo);
			jdbc.sql("update notifications.message set next_attempt_at = :later where id in (:waiting, :failing)")
				.param("later", java.sql.Timestamp.from(now.plus(Duration.ofHours(9))))
				.param("waiting", waitingForMorning)
				.param("failing", failingEver)
				.update();
			jdbc.sql("update notifications.message set attempts = 3 where id = :id").param("id", failingEver).update();

			assertThat(outbox.countStuck(before) - baseline).as("failing for an hour, and due for an hour").isEqualTo(2);
		});
	}

	private UUID insertText(Instant created) {
		UUID id = UUID.randomUUID();
		outbox.insert(id, Category.OUTAGES, "login-created", Channel.SMS, null, null, OutboxRows.uniquePhone().e164(),
				Language.EN_US, "Outage", "An outage", null, false, false, "PENDING", created, null);
		return id;
	}

	@Test
	void refusesAnUnknownTemplateAndStoresNothing() {
		var account = fixtures.account();
		var person = account.holder().id();
		long before = rows.countFor(person.value());

		assertThatThrownBy(() -> notifications.send(Notification.of(Category.BILLING, "no-such-template",
				new Recipient.Customer(person), Map.of()))).isInstanceOf(UnknownTemplateException.class)
			.hasMessageContaining("no-such-template");
		assertThatThrownBy(() -> Notification.of(Category.BILLING, "../login-created", new Recipient.Customer(person),
				Map.of())).isInstanceOf(UnknownTemplateException.class);

		assertThat(rows.countFor(person.value())).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from notifications.message where template = 'no-such-template'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void enqueuesANoticeOncePerChannelForTheSameDedupeKey() {
		var owned = fixtures.ownedAccount();
		String key = "test-replay:" + UUID.randomUUID();
		var notice = Notification.of(Category.BILLING, "login-created",
				new Recipient.Customer(owned.account().holder().id()), Map.of()).withDedupeKey(key);

		var first = notifications.send(notice);
		var replay = notifications.send(notice);

		assertThat(rows.channels(first)).containsExactly("EMAIL", "IN_APP");
		assertThat(replay).isEmpty();
		assertThat(jdbc.sql("select channel from notifications.message where dedupe_key = :key order by channel")
			.param("key", key)
			.query(String.class)
			.list()).containsExactly("EMAIL", "IN_APP");
		rows.awaitStatus(rows.on(first, Channel.EMAIL), "SENT");
		assertThat(received(rows.on(first, Channel.EMAIL))).hasSize(1);
	}

	private String prometheus() throws Exception {
		return mvc.perform(get("/actuator/prometheus").accept(MediaType.TEXT_PLAIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** A gauge's value as Prometheus scrapes it. */
	private double gauge(String name) throws Exception {
		String metrics = prometheus();
		var line = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.E+-]+)$").matcher(metrics);
		assertThat(line.find()).as("%s in the scrape", name).isTrue();
		return Double.parseDouble(line.group(1));
	}

	private List<MessageId> sendSecurityCodeTo(EmailAddress address) {
		return notifications.send(Notification.of(Category.SECURITY, "security-code",
				new Recipient.Email(address, Language.EN_US), Map.of("code", code(), "minutes", 10)).secret());
	}

	private static EmailAddress uniqueEmail() {
		return new EmailAddress("outbox." + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
	}

	private static String code() {
		return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
	}

	/** The text of the first part of that type, however deeply the multipart nests it. */
	static String part(Part message, String type) throws Exception {
		List<Part> queue = new ArrayList<>(List.of(message));
		while (!queue.isEmpty()) {
			Part part = queue.remove(0);
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					queue.add(child);
				}
			}
		}
		throw new AssertionError("no " + type + " part");
	}
}
