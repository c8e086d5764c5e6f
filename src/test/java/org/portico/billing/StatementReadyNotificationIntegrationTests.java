package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.TestMail;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.demo.DemoCatalog;
import org.portico.shared.Language;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * “Statement ready” (notifications reacting to the billing run's {@link StatementsIssued}): the holder gets
 * an email with the amount due, the due date in their language and a link to the statement; a statement
 * issued after its due date (a catch-up) is not announced. Here rather than in notifications' tests because
 * only this package may bill just its own accounts in the shared database.
 */
class StatementReadyNotificationIntegrationTests extends IntegrationTestSupport {

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	BillingRun billing;

	@Autowired
	BillingManagement billingManagement;

	@Autowired
	SubscriptionManagement subscriptions;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void emailsTheHolderTheAmountDueAndDueDateInTheirLanguage() throws Exception {
		ServiceAccount english = fixtures.account();
		ServiceAccount spanish = fixtures.account();
		customers.changeLanguage(spanish.holder().id(), Language.ES_US);
		LocalDate statementDate = BillingCycle.firstStatementOnOrAfter(LocalDate.now(clock), english.billingDay());
		for (ServiceAccount account : List.of(english, spanish)) {
			subscriptions.start(account.id(), DemoCatalog.INTERNET_300, null, statementDate.minusMonths(2));
		}

		billing.run(statementDate, List.of(english.id(), spanish.id()));

		StatementSummary statement = billingManagement.statements(english.id()).get(0);
		assertThat(statement.amountDue().isZero()).isFalse();
		String text = part(awaitMailTo(english), "text/plain");
		assertThat(text).contains("Your statement of " + format(statementDate, "MMM d, yyyy", Locale.US))
			.contains("Amount due: " + statement.amountDue().formatted() + ", by "
					+ format(statement.dueDate(), "MMM d, yyyy", Locale.US))
			.contains("http://localhost:8080/billing/statements/" + statement.id().value())
			.contains(english.number().display());
		assertThat(part(awaitMailTo(english), "text/html"))
			.contains("href=\"http://localhost:8080/billing/statements/" + statement.id().value() + "\"");

		StatementSummary estado = billingManagement.statements(spanish.id()).get(0);
		MimeMessage spanishMail = awaitMailTo(spanish);
		assertThat(spanishMail.getSubject()).isEqualTo("Su estado de cuenta está listo");
		// amounts read $1,234.56 in both languages; dates in the reader's
		assertThat(part(spanishMail, "text/plain")).contains("Monto a pagar: " + estado.amountDue().formatted()
				+ ", a más tardar el " + format(estado.dueDate(), "d MMM yyyy", Locale.forLanguageTag("es-US")));
	}

	@Test
	void doesNotAnnounceStatementsIssuedAfterTheirDueDate() throws Exception {
		ServiceAccount account = fixtures.account();
		LocalDate today = LocalDate.now(clock);
		LocalDate current = BillingCycle.firstStatementOnOrAfter(today, account.billingDay());
		LocalDate longAgo = current.minusMonths(3);
		subscriptions.start(account.id(), DemoCatalog.INTERNET_300, null, longAgo.minusMonths(1));

		// billed three months ago, then nothing until today: the run catches up the cycles in between
		billing.run(longAgo, List.of(account.id()));
		billing.run(current, List.of(account.id()));

		List<StatementSummary> statements = billingManagement.statements(account.id());
		assertThat(statements).hasSize(4);
		List<StatementSummary> stillDue = statements.stream().filter(s -> !s.dueDate().isBefore(today)).toList();
		assertThat(stillDue).as("the latest is due in the future").contains(statements.get(0));
		assertThat(statements.size() - stillDue.size()).as("issued after their due date").isGreaterThanOrEqualTo(2);
		String announced = part(awaitMailTo(account), "text/plain");
		assertThat(announced).contains("/billing/statements/");
		awaitEventsHandled(account);
		assertThat(jdbc.sql("""
				select count(*) from notifications.message where person_id = :person and template = 'statement-ready'
				""").param("person", account.holder().id().value()).query(Long.class).single())
			.as("only statements still due are announced, by email only (the holder has no login)")
			.isEqualTo(stillDue.size());
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(account).size() == stillDue.size());
		for (MimeMessage mail : mailsTo(account)) {
			assertThat(stillDue).anySatisfy(due -> assertThat(part(mail, "text/plain"))
				.contains("/billing/statements/" + due.id().value()));
		}
	}

	/** Until every StatementsIssued event naming the account has been handled (completed ones are deleted). */
	private void awaitEventsHandled(ServiceAccount account) {
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from event_publication
				where event_type = :type and completion_date is null and serialized_event like :account
				""").param("type", StatementsIssued.class.getName())
			.param("account", "%" + account.id().value() + "%")
			.query(Long.class)
			.single() == 0);
	}

	private static MimeMessage awaitMailTo(ServiceAccount account) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(account), mails -> !mails.isEmpty()).get(0);
	}

	private static List<MimeMessage> mailsTo(ServiceAccount account) {
		String address = account.holder().email().value();
		return Arrays.stream(TestMail.server().getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(to -> to.toString().contains(address));
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).toList();
	}

	private static String format(LocalDate date, String pattern, Locale locale) {
		return DateTimeFormatter.ofPattern(pattern, locale).format(date);
	}

	/** The text of the first part of that type, however deeply the multipart nests it. */
	private static String part(Part message, String type) throws Exception {
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
