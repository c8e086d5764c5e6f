package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portico.AuthorizationMatrix.Caller.MANAGER;
import static org.portico.AuthorizationMatrix.Caller.OWNER;
import static org.portico.AuthorizationMatrix.Caller.VIEWER;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.catalog.LocalizedText;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.demo.DemoCatalog;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The statement PDF download: a statement made by the real billing run, fetched over HTTP and read back with PDFBox. */
class StatementPdfIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	CustomerManagement customers;

	@Autowired
	SubscriptionManagement subscriptions;

	@Autowired
	BillingRun billingRun;

	@Autowired
	BillingManagement billing;

	private final Map<ServiceAccountId, StatementId> billed = new ConcurrentHashMap<>();

	@Test
	void ownerDownloadsTheStatementAsAPdfThatSaysWhatTheStatementSays() throws Exception {
		var owned = fixtures.ownedAccount();
		Statement statement = billTwoMonths(owned.account(), Language.EN_US);

		MockHttpServletResponse response = download(owned.owner().email().value(), statement.id().toString());

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"statement-"
				+ owned.account().number().digits() + "-" + statement.statementDate() + ".pdf\"");
		assertThat(response.getHeader("Cache-Control")).contains("no-store").contains("private");
		String text = text(response.getContentAsByteArray());
		assertThat(text).contains(owned.account().number().display())
			.contains(statement.amountDue().formatted())
			.contains(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Language.EN_US.locale())
				.format(statement.dueDate()))
			.contains("Amount due", "Payment stub", "Amount enclosed", "Your charges in detail")
			.contains(statement.previousBalance().formatted(), statement.paymentsAndCredits().formatted(),
					statement.newCharges().formatted(), statement.taxes().formatted());
		assertThat(statement.lines()).extracting(StatementLine::type)
			.contains(LineType.MONTHLY, LineType.ONE_TIME, LineType.TAX, LineType.PAYMENT);
		for (StatementLine line : statement.lines()) {
			assertThat(text).as(line.type() + " " + line.name(Language.EN_US))
				.contains(line.name(Language.EN_US))
				.contains(statement.amount(line).formatted());
		}
	}

	@Test
	void aSpanishSpeakingHoldersStatementIsInSpanish() throws Exception {
		var owned = fixtures.ownedAccount();
		Statement statement = billTwoMonths(owned.account(), Language.ES_US);

		String text = text(download(owned.owner().email().value(), statement.id().toString()).getContentAsByteArray());

		assertThat(text).contains("Estado de cuenta", "Número de cuenta", "Monto a pagar", "Fecha de vencimiento",
				"Talón de pago", "Monto adjunto", "Detalle de sus cargos", "Instalación profesional")
			.contains(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Language.ES_US.locale())
				.format(statement.dueDate()))
			.contains(statement.amountDue().formatted())
			.doesNotContain("Amount due");
	}

	@Test
	void pdfFollowsTheAuthorisationMatrix() throws Exception {
		AuthorizationMatrix.with(mvc, fixtures)
			.verify(account -> get("/billing/statements/" + statementOf(account) + ".pdf"),
					AuthorizationMatrix.all(OWNER, MANAGER, VIEWER));
	}

	@Test
	void anotherCustomersStatementIsNotFound() throws Exception {
		var a = fixtures.ownedAccount();
		var b = fixtures.ownedAccount();
		StatementId ofB = statementOf(b.account());

		MockHttpServletResponse response = download(a.owner().email().value(), ofB.toString());

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString()).doesNotContain(b.account().number().display());
	}

	@Test
	void malformedOrUnknownStatementIdIsNotFound() throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		assertThat(download(email, "not-a-statement").getStatus()).isEqualTo(404);
		assertThat(download(email, "12345678-1234-1234-1234-1234567890").getStatus()).isEqualTo(404);
		assertThat(download(email, UUID.randomUUID().toString()).getStatus()).isEqualTo(404);
	}

	private MockHttpServletResponse download(String email, String id) throws Exception {
		Cookie session = AuthorizationMatrix.signIn(mvc, email, AccountFixtures.SECRET);
		return mvc.perform(get("/billing/statements/" + id + ".pdf").cookie(session)).andReturn().getResponse();
	}

	private StatementId statementOf(ServiceAccount account) {
		return billed.computeIfAbsent(account.id(), id -> {
			subscriptions.start(id, DemoCatalog.INTERNET_500, null, LocalDate.of(2025, 3, 1));
			billingRun.run(LocalDate.of(2025, 3, 12), Set.of(id));
			return billing.statements(id).get(0).id();
		});
	}

	/**
	 * Two statements through the real billing run, the second with a payment, a one-time charge, TV (taxed
	 * in PA) and equipment; in a random month of the past, so that tests sharing the database rarely share a
	 * statement date.
	 */
	private Statement billTwoMonths(ServiceAccount account, Language language) {
		if (language != Language.EN_US) {
			customers.changeLanguage(account.holder().id(), language);
		}
		var random = ThreadLocalRandom.current();
		LocalDate first = LocalDate.of(2017 + random.nextInt(7), 1 + random.nextInt(12), 12);
		ServiceAccountId id = account.id();
		subscriptions.start(id, DemoCatalog.INTERNET_500, null, first.minusDays(9));
		subscriptions.start(id, DemoCatalog.TV_SELECT, null, first.minusDays(9));
		subscriptions.start(id, DemoCatalog.GATEWAY, null, first.minusDays(9));
		billingRun.run(first, Set.of(id));
		Statement previous = billing.statements(id).stream().findFirst()
			.flatMap(summary -> billing.statement(id, summary.id()))
			.orElseThrow();
		billing.recordPayment(id, previous.amountDue(), first.plusDays(10), "test-" + UUID.randomUUID(),
				LocalizedText.of("Payment, thank you", "Pago, gracias"));
		billing.addCharge(id, Money.usd("49.99"), first.plusDays(12),
				LocalizedText.of("Professional installation", "Instalación profesional"), null);
		billingRun.run(first.plusMonths(1), Set.of(id));
		var latest = billing.statements(id).get(0);
		assertThat(latest.statementDate()).isEqualTo(first.plusMonths(1));
		return billing.statement(id, latest.id()).orElseThrow();
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}
}
