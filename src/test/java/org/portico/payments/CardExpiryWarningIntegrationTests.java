package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.TestMail;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.identity.LoginId;
import org.portico.payments.integration.PaymentGateway;
import org.portico.shared.Language;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Card-expiry warnings: a saved card expiring within 30 days gets its account holder one notice, by email in
 * their language, and only one however often the daily job runs; cards expiring later, bank accounts and
 * removed cards get none.
 */
class CardExpiryWarningIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Autowired
	CardExpiryWarnings warnings;

	@Autowired
	PaymentMethods paymentMethods;

	@Autowired
	PaymentGateway gateway;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void realTime() {
		TestClock.reset();
	}

	@Test
	void aCardExpiringInThirtyDaysIsWarnedAboutOnceInTheHoldersLanguage() throws Exception {
		var tokens = new SandboxTokens(mvc, gateway);
		ServiceAccount english = fixtures.account();
		ServiceAccount spanish = fixtures.account();
		customers.changeLanguage(spanish.holder().id(), Language.ES_US);
		ServiceAccount later = fixtures.account();
		PaymentMethod expiring = add(english, tokens.card("4242424242424242", 3, 2035));
		add(spanish, tokens.card("5555555555554444", 3, 2035));
		add(english, tokens.bankAccount("000123456789"));
		PaymentMethod removed = add(later, tokens.card("4242424242424242", 3, 2035));
		paymentMethods.remove(later.id(), removed.id());
		add(later, tokens.card("378282246310005", 4, 2035));

		// March 31 is thirty days after March 1
		TestClock.fixAt(ZonedDateTime.of(2035, 3, 1, 6, 15, 0, 0, ZONE));
		int warned = warnings.warn(LocalDate.of(2035, 3, 1));
		assertThat(warned).as("both cards expiring in March (others in the shared database may too)").isGreaterThanOrEqualTo(2);

		MimeMessage mail = awaitMailTo(english);
		assertThat(mail.getSubject()).isEqualTo("Your saved card expires soon");
		String text = part(mail, "text/plain");
		assertThat(text).contains("The Visa card ending in 4242 that you saved for account "
				+ english.number().display() + " expires at the end of March 2035.")
			.contains("http://localhost:8080/payments/methods")
			.doesNotContain("4242424242424242");
		assertThat(part(mail, "text/html")).contains("href=\"http://localhost:8080/payments/methods\"");
		MimeMessage spanishMail = awaitMailTo(spanish);
		assertThat(spanishMail.getSubject()).isEqualTo("Su tarjeta guardada vence pronto");
		assertThat(part(spanishMail, "text/plain")).contains("La tarjeta Mastercard que termina en 4444")
			.contains("vence al final de marzo de 2035");
		assertThat(jdbc.sql("select expiry_warned_for from payments.payment_method where id = :id")
			.param("id", expiring.id().value()).query(Integer.class).single()).isEqualTo(203503);

		// the next day's run (and a second node's) finds nothing new
		TestClock.fixAt(ZonedDateTime.of(2035, 3, 2, 6, 15, 0, 0, ZONE));
		assertThat(warnings.warn(LocalDate.of(2035, 3, 2))).isZero();
		assertThat(warnings.warn(LocalDate.of(2035, 3, 2))).isZero();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
			.until(() -> mailsTo(english).size() == 1 && mailsTo(spanish).size() == 1);
		assertThat(messages(english)).isEqualTo(1);
		assertThat(messages(later)).as("a removed card and one expiring later are not warned about").isZero();
		assertThat(mailsTo(later)).isEmpty();
	}

	private PaymentMethod add(ServiceAccount account, String token) {
		return paymentMethods.add(account.id(), token, false, new LoginId(UUID.randomUUID()),
				new Consent("I agree (test fixture).", "127.0.0.1"));
	}

	private long messages(ServiceAccount account) {
		return jdbc.sql("""
				select count(*) from notifications.message where person_id = :person and template = 'card-expiring'""")
			.param("person", account.holder().id().value()).query(Long.class).single();
	}

	private static MimeMessage awaitMailTo(ServiceAccount account) {
		return TestMail.awaitReceivedBy(account.holder().email().value(), null, 1).get(0);
	}

	private static List<MimeMessage> mailsTo(ServiceAccount account) {
		return TestMail.receivedBy(account.holder().email().value(), null);
	}

	/** The text of the first part of that type, however deeply the multipart nests it. */
	private static String part(Part message, String type) throws Exception {
		return TestMail.part(message, type);
	}
}
