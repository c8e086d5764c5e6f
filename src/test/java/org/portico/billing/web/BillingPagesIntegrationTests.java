package org.portico.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portico.AuthorizationMatrix.Caller.MANAGER;
import static org.portico.AuthorizationMatrix.Caller.OWNER;
import static org.portico.AuthorizationMatrix.Caller.VIEWER;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.billing.BillingFixtures;
import org.portico.billing.BillingFixtures.History;
import org.portico.billing.BillingManagement;
import org.portico.billing.LedgerEntry;
import org.portico.billing.StatementId;
import org.portico.customer.ServiceAccountId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class BillingPagesIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures accounts;

	@Autowired
	BillingFixtures billingFixtures;

	@Autowired
	BillingManagement billing;

	@AfterEach
	void realTime() {
		TestClock.reset();
	}

	@Test
	void statementsPageFollowsTheAuthorisationMatrix() throws Exception {
		AuthorizationMatrix.with(mvc, accounts)
			.verify(account -> get("/billing"), AuthorizationMatrix.all(OWNER, MANAGER, VIEWER));
	}

	@Test
	void statementPageFollowsTheAuthorisationMatrix() throws Exception {
		Map<ServiceAccountId, StatementId> statements = new ConcurrentHashMap<>();
		AuthorizationMatrix.with(mvc, accounts)
			.verify(account -> get("/billing/statements/{id}",
					statements.computeIfAbsent(account.id(), id -> billingFixtures.firstStatementOf(account))),
					AuthorizationMatrix.all(OWNER, MANAGER, VIEWER));
	}

	@Test
	void ledgerPageFollowsTheAuthorisationMatrix() throws Exception {
		AuthorizationMatrix.with(mvc, accounts)
			.verify(account -> get("/billing/ledger"), AuthorizationMatrix.all(OWNER, MANAGER, VIEWER));
	}

	@Test
	void aCustomerCannotReadAnotherCustomersStatementById() throws Exception {
		History theirs = billingFixtures.oneStatement();
		History mine = billingFixtures.oneStatement();
		Cookie session = signIn(mine);

		MvcResult result = mvc.perform(get("/billing/statements/{id}", theirs.latest()).cookie(session)).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(body(result)).doesNotContain(theirs.account().number().display())
			.doesNotContain(theirs.account().serviceAddress().line1())
			.doesNotContain(theirs.latest().toString());
		// the same answer as for a statement that does not exist at all
		MvcResult unknown = mvc.perform(get("/billing/statements/{id}", UUID.randomUUID()).cookie(session)).andReturn();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void malformedStatementIdsAreNotFoundWithoutAnyExceptionMessage() throws Exception {
		Cookie session = signIn(billingFixtures.oneStatement());
		for (String id : List.of("not-a-statement", "12345", "x".repeat(2000), "00000000-0000-0000-0000-00000000000g",
				"1-1-1-1-1", "statement.pdf")) {
			MvcResult result = mvc.perform(get("/billing/statements/" + id).cookie(session)).andReturn();
			assertThat(result.getResponse().getStatus()).as(id).isEqualTo(404);
			assertThat(body(result)).as(id)
				.doesNotContain("Not a statement ID")
				.doesNotContain("Exception")
				.doesNotContain("UUID");
		}
	}

	@Test
	void statementsListShowsEachStatementWithItsPeriodAmountDueDateAndStatus() throws Exception {
		History history = billingFixtures.historyOfThreeStatements();
		TestClock.fixAt(LocalDate.of(2026, 3, 20).atTime(12, 0).atZone(ZoneId.of("America/New_York")));

		String page = body(mvc.perform(get("/billing").cookie(signIn(history))).andReturn());

		assertThat(page).contains(history.account().number().display())
			.contains("Statement of Mar 12, 2026")
			.contains("Statement of Feb 12, 2026")
			.contains("Statement of Jan 12, 2026")
			.contains("Mar 12, 2026 – Apr 11, 2026")
			.contains("Apr 2, 2026")
			.contains("/billing/statements/" + history.statements().get(0))
			.contains("/billing/statements/" + history.statements().get(2))
			.contains("/billing/ledger")
			.contains(billing.balance(history.account().id()).formatted());
		assertThat(statuses(page)).containsExactly("Open", "Past due", "Paid");
		assertThat(page).doesNotContain("No statements yet");
	}

	@Test
	void statementsListWithoutStatementsSaysWhenTheFirstComes() throws Exception {
		var owned = accounts.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);

		String page = body(mvc.perform(get("/billing").cookie(session)).andReturn());

		assertThat(page).contains("No statements yet").contains("day 12 of the month").contains("$0.00");
		assertThat(page).doesNotContain("<table");
	}

	@Test
	void statementPageLaysOutTheBillInSections() throws Exception {
		History history = billingFixtures.historyOfThreeStatements();

		String page = body(mvc.perform(get("/billing/statements/{id}", history.latest()).cookie(signIn(history)))
			.andReturn());

		assertThat(page).contains("Statement of Mar 12, 2026")
			.contains(history.account().number().display())
			.contains("href=\"/billing/statements/" + history.latest() + ".pdf\"")
			.contains("Download PDF");
		assertThat(sections(page)).containsExactly("monthly", "prorated", "one-time", "fees", "taxes");
		assertThat(page).contains("Previous balance")
			.contains("Payments and credits")
			.contains("New charges")
			.contains("Amount due")
			.contains("Due by")
			.contains("Apr 2, 2026");
		// monthly services grouped by service, in advance for the coming cycle
		assertThat(page).contains("Billed in advance for Mar 12, 2026 – Apr 11, 2026")
			.containsSubsequence(">Internet<", "Fiber 1 Gig", ">TV<", "TV Select", ">Phone<", "Unlimited Home Phone",
					">Equipment<", "Wi-Fi Gateway");
		// the changed plan and the new line, by the day: 20 of February's 28 days
		assertThat(page).contains("Feb 20, 2026 – Mar 11, 2026 (20 of 28 days)")
			.contains("Credit for days no longer charged")
			.contains("New customers: $20 off for 12 months")
			.contains("Professional installation")
			.contains("Late fee")
			.contains("PA sales tax");
		// nothing renders a raw amount with a hyphen: credits read with a minus sign
		assertThat(page).contains("\u2212$").doesNotContain(">-$");
	}

	@Test
	void statementPageSaysWhatChangedSinceLastMonthInPlainWords() throws Exception {
		History history = billingFixtures.historyOfThreeStatements();
		Cookie session = signIn(history);

		String march = body(mvc.perform(get("/billing/statements/{id}", history.latest()).cookie(session)).andReturn());

		assertThat(march).contains("What changed since last month")
			.contains("more than last month’s")
			.contains("You changed from Internet 500 to Fiber 1 Gig: $35.00 a month more ($80.00 instead of $45.00).")
			.contains("Unlimited Home Phone was added: $30.00 a month.")
			.contains("Fiber 1 Gig for part of a month, Feb 20, 2026 – Mar 11, 2026 (20 of 28 days)")
			.contains("A credit for Internet 500, Feb 20, 2026 – Mar 11, 2026 (20 of 28 days no longer charged)")
			.contains("One-time charge on Feb 20, 2026: Professional installation, $89.99.")
			.contains("A late fee of $10.00")
			.contains("Taxes and fees went up by")
			.contains("from earlier statements was not paid by this statement’s date");

		String february = body(mvc.perform(get("/billing/statements/{id}", history.statements().get(1)).cookie(session))
			.andReturn());
		assertThat(february).contains("the same as last month’s")
			.contains("Nothing changed in your services, prices or promotions");

		String january = body(mvc.perform(get("/billing/statements/{id}", history.statements().get(2)).cookie(session))
			.andReturn());
		assertThat(january).contains("This is your first statement");
	}

	@Test
	void statementPageIsInSpanishWithLineNamesInSpanish() throws Exception {
		History history = billingFixtures.historyOfThreeStatements();

		String page = body(mvc.perform(get("/billing/statements/{id}", history.latest()).param("lang", "es-US")
			.cookie(signIn(history))).andReturn());

		assertThat(page).contains("Estado de cuenta del 12 mar. 2026")
			.contains("Servicios mensuales")
			.contains("Cargos y créditos por parte del mes")
			.contains("Fibra 1 Gig")
			.contains("Teléfono de casa ilimitado")
			.contains("Instalación profesional")
			.contains("Cargo por pago atrasado")
			.contains("Impuesto sobre las ventas de PA")
			.contains("(20 de 28 días)")
			.contains("Qué cambió desde el mes pasado")
			.contains("Cambió de Internet 500 a Fibra 1 Gig")
			.contains("Descargar PDF")
			.doesNotContain("Professional installation")
			.doesNotContain("Monthly services");
	}

	@Test
	void ledgerShowsEveryEntryNewestFirstWithTheRunningBalance() throws Exception {
		History history = billingFixtures.historyOfThreeStatements();
		List<LedgerEntry> entries = billing.ledger(history.account().id());

		String page = body(mvc.perform(get("/billing/ledger").cookie(signIn(history))).andReturn());

		List<String[]> rows = ledgerRows(page);
		assertThat(rows).hasSize(entries.size());
		// newest first: the top row's balance is the current balance, and each balance is the one below plus the amount
		assertThat(rows.get(0)[2]).isEqualTo(signed(billing.balance(history.account().id())));
		for (int i = 0; i < rows.size(); i++) {
			LedgerEntry entry = entries.get(entries.size() - 1 - i);
			assertThat(rows.get(i)[1]).as("amount of row " + i).isEqualTo(signed(entry.amount()));
			assertThat(rows.get(i)[2]).as("balance of row " + i).isEqualTo(signed(entry.balance()));
		}
		assertThat(page).contains("Payment, thank you")
			.contains("Professional installation")
			.contains("Statement charges")
			.contains("Late fee")
			.contains(">Payment<")
			.contains(">Taxes and fees<")
			.contains("Statement of Mar 12, 2026")
			.contains("Mar 6, 2026");
		String spanish = body(mvc.perform(get("/billing/ledger").param("lang", "es-US").cookie(signIn(history)))
			.andReturn());
		assertThat(spanish).contains("Movimientos de la cuenta").contains("Pago, gracias").contains("Instalación profesional");
	}

	private Cookie signIn(History history) throws Exception {
		return AuthorizationMatrix.signIn(mvc, history.owned().owner().email().value(), AccountFixtures.SECRET);
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static String signed(org.portico.shared.Money amount) {
		return StatementView.signed(amount);
	}

	private static List<String> statuses(String page) {
		return find(Pattern.compile("<span class=\"badge[^\"]*\">([^<]+)</span>"), page);
	}

	private static List<String> sections(String page) {
		return find(Pattern.compile("data-section=\"([^\"]+)\""), page);
	}

	/** Type, amount and balance of each ledger row, top to bottom. */
	private static List<String[]> ledgerRows(String page) {
		Matcher rows = Pattern.compile("<tr role=\"row\" class=\"ledger-entry\"[^>]*>(.*?)</tr>", Pattern.DOTALL)
			.matcher(page);
		var result = new java.util.ArrayList<String[]>();
		while (rows.find()) {
			List<String> amounts = find(Pattern.compile("class=\"text-end text-nowrap\"[^>]*>([^<]+)</td>"), rows.group(1));
			result.add(new String[] { rows.group(1), amounts.get(0), amounts.get(1) });
		}
		return result;
	}

	private static List<String> find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		var found = new java.util.ArrayList<String>();
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}
}
