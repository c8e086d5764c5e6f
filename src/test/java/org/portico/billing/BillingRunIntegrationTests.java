package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.catalog.CatalogManagement;
import org.portico.catalog.LocalizedText;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.PromotionCode;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.demo.DemoCatalog;
import org.portico.shared.Money;
import org.portico.subscriptions.Subscription;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The billing run, clock-driven over several cycles on real PostgreSQL (DECISIONS.md “Billing rules”).
 * Each test bills only its own new accounts (billing day 12, service address in Pennsylvania, whose
 * taxes come from application.properties), on dates of its own, so tests share the database safely.
 */
class BillingRunIntegrationTests extends IntegrationTestSupport {

	@Autowired
	BillingRun run;

	@Autowired
	BillingManagement billing;

	@Autowired
	CustomerManagement customers;

	@Autowired
	SubscriptionManagement subscriptions;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void billsTheComingCycleInAdvanceWithItsPromotionAndTaxes() {
		ServiceAccount account = enrolledOn(date("2030-03-01"));
		start(account, DemoCatalog.INTERNET_500, DemoCatalog.PROMO_NEW_CUSTOMER, "2030-03-12");
		start(account, DemoCatalog.GATEWAY, null, "2030-03-12");
		start(account, DemoCatalog.PHONE_UNLIMITED, null, "2030-03-12");

		var result = run.run(date("2030-03-12"), Set.of(account.id()));

		assertThat(result.statements()).isEqualTo(1);
		Statement statement = only(account);
		assertThat(statement.cycleStart()).isEqualTo(date("2030-03-12"));
		assertThat(statement.cycleEnd()).isEqualTo(date("2030-04-12"));
		assertThat(statement.dueDate()).isEqualTo(date("2030-04-02"));
		assertThat(amounts(statement, LineType.MONTHLY)).containsExactly("65.00", "30.00", "15.00");
		assertThat(amounts(statement, LineType.DISCOUNT)).containsExactly("-20.00");
		// PA: 6 % sales tax on phone and equipment (internet is not taxed), 3.4 % USF on phone, $1.65 911 fee
		assertThat(statement.lines(LineType.TAX)).extracting(line -> line.name().en() + " " + money(line.amountMinor()))
			.containsExactly("PA sales tax 2.70", "Federal Universal Service Fund 1.02", "PA 911 fee 1.65");
		assertThat(statement.newCharges()).isEqualTo(Money.usd("90.00"));
		assertThat(statement.taxes()).isEqualTo(Money.usd("5.37"));
		assertThat(statement.amountDue()).isEqualTo(Money.usd("95.37"));
		assertThat(statement.status()).isEqualTo(StatementStatus.OPEN);
		// the ledger agrees: charges, the promotion as a credit, taxes
		assertThat(billing.ledger(account.id())).extracting(entry -> entry.type() + " " + entry.amount().amount())
			.containsExactly("CHARGE 110.00", "CREDIT -20.00", "TAX 5.37");
		assertThat(billing.balance(account.id())).isEqualTo(statement.amountDue());
	}

	@Test
	void proratesAStartAChangeAndAnEndMidCycleByDay() {
		ServiceAccount account = enrolledOn(date("2030-03-01"));
		Subscription internet = start(account, DemoCatalog.INTERNET_300, null, "2030-03-12");
		run.run(date("2030-03-12"), Set.of(account.id()));

		// within the cycle March 12 – April 11 (31 days): TV from the 22nd, Internet 300 becomes 500 on the 27th
		Subscription tv = start(account, DemoCatalog.TV_ESSENTIALS, null, "2030-03-22");
		subscriptions.change(internet.id(), DemoCatalog.INTERNET_500, date("2030-03-27"));
		run.run(date("2030-04-12"), Set.of(account.id()));

		Statement april = statementOf(account, "2030-04-12");
		// TV Essentials $84.98 × 21/31, Internet 300 $50.00 × 16/31 back, Internet 500 $65.00 × 16/31
		assertThat(lines(april, LineType.PRORATED)).containsExactly(
				"Internet 300 2030-03-27..2030-04-12 -25.81", "Internet 500 2030-03-27..2030-04-12 33.55",
				"TV Essentials 2030-03-22..2030-04-12 57.57");
		assertThat(lines(april, LineType.MONTHLY)).containsExactly("Internet 500 2030-04-12..2030-05-12 65.00",
				"TV Essentials 2030-04-12..2030-05-12 84.98");

		// TV ends on April 20, after April's statement billed it to May 11: the rest is credited (22 of 30 days)
		subscriptions.end(tv.id(), date("2030-04-20"));
		run.run(date("2030-05-12"), Set.of(account.id()));

		Statement may = statementOf(account, "2030-05-12");
		assertThat(lines(may, LineType.PRORATED)).containsExactly("TV Essentials 2030-04-20..2030-05-12 -62.32");
		assertThat(lines(may, LineType.MONTHLY)).containsExactly("Internet 500 2030-05-12..2030-06-12 65.00");
		// the credit's taxes are credited too: 6 % and 5 % of −62.32
		assertThat(may.taxes()).isEqualTo(Money.usd("-6.86"));
		assertThat(may.amountDue()).isEqualTo(april.amountDue().plus(may.newCharges()).plus(may.taxes()));
		assertThat(billing.balance(account.id())).isEqualTo(may.amountDue());
	}

	@Test
	void endsAPromotionOnItsEndDateAndProratesTheLastPartialCycle() {
		ServiceAccount account = enrolledOn(date("2027-01-01"));
		var promotion = catalog.promotion(DemoCatalog.PROMO_TV_SELECT).orElseThrow();
		LocalDate promotionEnd = promotion.endsOn(date("2027-01-12"));
		start(account, DemoCatalog.TV_SELECT, DemoCatalog.PROMO_TV_SELECT, "2027-01-12");

		// a year of cycles at once (as after downtime): the discount stops for good on its end date
		run.run(promotionEnd.plusMonths(2), Set.of(account.id()));

		for (StatementSummary summary : billing.statements(account.id())) {
			Statement statement = billing.statement(account.id(), summary.id()).orElseThrow();
			List<StatementLine> discounts = statement.lines(LineType.DISCOUNT);
			if (!statement.cycleEnd().isAfter(promotionEnd)) {
				assertThat(amounts(statement, LineType.DISCOUNT)).as(statement.cycleStart().toString())
					.containsExactly("-10.00");
			}
			else if (statement.cycleStart().isBefore(promotionEnd)) {
				long days = java.time.temporal.ChronoUnit.DAYS.between(statement.cycleStart(), promotionEnd);
				long cycleDays = java.time.temporal.ChronoUnit.DAYS.between(statement.cycleStart(), statement.cycleEnd());
				long expected = Math.round(1000.0 * days / cycleDays);
				assertThat(discounts).singleElement().satisfies(line -> {
					assertThat(line.amountMinor()).isEqualTo(-expected);
					assertThat(line.to()).isEqualTo(promotionEnd);
				});
			}
			else {
				assertThat(discounts).as(statement.cycleStart().toString()).isEmpty();
			}
		}
	}

	@Test
	void chargesALateFeeTheDayAfterAnUnpaidDueDateOnce() {
		ServiceAccount late = enrolledOn(date("2030-03-01"));
		ServiceAccount onTime = enrolledOn(date("2030-03-01"));
		for (ServiceAccount account : List.of(late, onTime)) {
			start(account, DemoCatalog.INTERNET_300, null, "2030-03-12");
		}
		Set<ServiceAccountId> both = Set.of(late.id(), onTime.id());
		run.run(date("2030-03-12"), both);
		billing.recordPayment(late.id(), Money.usd("20.00"), date("2030-03-20"), "test-" + late.id(), payment());
		billing.recordPayment(onTime.id(), Money.usd("50.00"), date("2030-04-02"), "test-" + onTime.id(), payment());

		assertThat(run.run(date("2030-04-02"), both).lateFees()).as("not on the due date itself").isZero();
		assertThat(run.run(date("2030-04-03"), both).lateFees()).isEqualTo(1);
		assertThat(run.run(date("2030-04-03"), both).lateFees()).as("re-run").isZero();
		TestClock.fixAt(ZonedDateTime.of(2030, 4, 3, 9, 0, 0, 0, ZoneId.of("America/New_York")));
		try {
			assertThat(billing.statements(late.id())).singleElement()
				.extracting(StatementSummary::status)
				.isEqualTo(StatementStatus.PAST_DUE);
			assertThat(billing.statements(onTime.id())).singleElement()
				.extracting(StatementSummary::status)
				.isEqualTo(StatementStatus.PAID);
		}
		finally {
			TestClock.reset();
		}

		run.run(date("2030-04-12"), both);
		Statement april = statementOf(late, "2030-04-12");
		assertThat(april.previousBalance()).isEqualTo(Money.usd("50.00"));
		assertThat(april.paymentsAndCredits()).isEqualTo(Money.usd("-20.00"));
		assertThat(amounts(april, LineType.LATE_FEE)).containsExactly("10.00");
		assertThat(april.newCharges()).isEqualTo(Money.usd("60.00"));
		assertThat(april.amountDue()).isEqualTo(Money.usd("90.00"));
		assertThat(statementOf(onTime, "2030-04-12").amountDue()).isEqualTo(Money.usd("50.00"));
	}

	@Test
	void catchesUpMissedBillingDaysInOrderAfterDowntime() {
		ServiceAccount account = enrolledOn(date("2030-03-01"));
		start(account, DemoCatalog.INTERNET_300, null, "2030-03-12");

		var result = run.run(date("2030-06-13"), Set.of(account.id()));

		assertThat(result.statements()).isEqualTo(4);
		assertThat(result.lateFees()).isEqualTo(3);
		List<Statement> statements = all(account);
		assertThat(statements).extracting(Statement::cycleStart)
			.containsExactly(date("2030-03-12"), date("2030-04-12"), date("2030-05-12"), date("2030-06-12"));
		// balance forward: each statement starts from the one before, with the late fee charged in between
		assertThat(statements).extracting(statement -> statement.amountDue().amount().toPlainString())
			.containsExactly("50.00", "110.00", "170.00", "230.00");
		for (Statement statement : statements.subList(1, 4)) {
			assertThat(amounts(statement, LineType.LATE_FEE)).containsExactly("10.00");
			assertThat(amounts(statement, LineType.MONTHLY)).containsExactly("50.00");
		}
		assertThat(billing.balance(account.id())).isEqualTo(Money.usd("230.00"));
	}

	@Test
	void reRunningTheSameDayIssuesNothingTwice() {
		ServiceAccount account = enrolledOn(date("2030-03-01"));
		start(account, DemoCatalog.INTERNET_300, null, "2030-03-12");
		run.run(date("2030-03-12"), Set.of(account.id()));
		int entries = billing.ledger(account.id()).size();

		assertThat(run.run(date("2030-03-12"), Set.of(account.id())).statements()).isZero();
		assertThat(run.run(date("2030-03-15"), Set.of(account.id())).statements()).isZero();

		assertThat(billing.statements(account.id())).hasSize(1);
		assertThat(billing.ledger(account.id())).hasSize(entries);
	}

	@Test
	void twoSchedulersRunningAtOnceIssueEachStatementOnce() throws Exception {
		var accounts = new ArrayList<ServiceAccountId>();
		for (int i = 0; i < 30; i++) {
			ServiceAccount account = enrolledOn(date("2030-03-01"));
			start(account, DemoCatalog.INTERNET_300, null, "2030-03-12");
			accounts.add(account.id());
		}
		var ready = new CountDownLatch(2);
		var nodes = Executors.newFixedThreadPool(2);
		try {
			var first = CompletableFuture.supplyAsync(() -> {
				ready.countDown();
				awaitQuietly(ready);
				return run.run(date("2030-04-12"), accounts);
			}, nodes);
			var second = CompletableFuture.supplyAsync(() -> {
				ready.countDown();
				awaitQuietly(ready);
				return run.run(date("2030-04-12"), accounts);
			}, nodes);
			int issued = first.get().statements() + second.get().statements();
			assertThat(issued).isEqualTo(60);
		}
		finally {
			nodes.shutdown();
		}
		for (ServiceAccountId account : accounts) {
			assertThat(billing.statements(account)).hasSize(2);
		}
		assertThat(jdbc.sql("select count(*) from billing.statement where account_id in (:ids)")
			.param("ids", accounts.stream().map(ServiceAccountId::value).toList())
			.query(Long.class)
			.single()).isEqualTo(60);
	}

	@Test
	void suspendedDaysAreCreditedAndBillingResumesFromTheResumption() {
		ServiceAccount account = enrolledOn(date("2030-03-01"));
		Subscription internet = start(account, DemoCatalog.INTERNET_300, null, "2030-03-12");
		run.run(date("2030-03-12"), Set.of(account.id()));

		subscriptions.suspend(internet.id(), date("2030-03-28"));
		run.run(date("2030-04-12"), Set.of(account.id()));
		Statement april = statementOf(account, "2030-04-12");
		// 15 of 31 days back, and nothing for a cycle it is suspended
		assertThat(lines(april, LineType.PRORATED)).containsExactly("Internet 300 2030-03-28..2030-04-12 -24.19");
		assertThat(april.lines(LineType.MONTHLY)).isEmpty();

		subscriptions.resume(internet.id(), date("2030-04-25"));
		run.run(date("2030-05-12"), Set.of(account.id()));
		Statement may = statementOf(account, "2030-05-12");
		// from the resumption only (17 of 30 days), not from the suspension
		assertThat(lines(may, LineType.PRORATED)).containsExactly("Internet 300 2030-04-25..2030-05-12 28.33");
		assertThat(amounts(may, LineType.MONTHLY)).containsExactly("50.00");
	}

	@Test
	void theLedgerRefusesChangesAndRemovals() {
		ServiceAccount account = enrolledOn(date("2030-03-01"));
		start(account, DemoCatalog.INTERNET_300, null, "2030-03-12");
		run.run(date("2030-03-12"), Set.of(account.id()));

		assertThatThrownBy(() -> jdbc.sql("update billing.ledger_entry set amount_minor = 1 where account_id = :id")
			.param("id", account.id().value())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from billing.ledger_entry where account_id = :id")
			.param("id", account.id().value())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
	}

	@Test
	void aPaymentPostedTwiceWithTheSameReferenceCountsOnce() {
		ServiceAccount account = enrolledOn(date("2030-03-01"));
		billing.recordPayment(account.id(), Money.usd("25.00"), date("2030-03-05"), "pay-1-" + account.id(), payment());
		billing.recordPayment(account.id(), Money.usd("25.00"), date("2030-03-05"), "pay-1-" + account.id(), payment());

		assertThat(billing.balance(account.id())).isEqualTo(Money.usd("-25.00"));
	}

	private ServiceAccount enrolledOn(LocalDate day) {
		ServiceAccount account = customers.open(AccountFixtures.newAccount("Billing", "Test"));
		// the first run that sees an account enrols it: statements start on its first billing day after
		run.run(day, Set.of(account.id()));
		return account;
	}

	private Subscription start(ServiceAccount account, OfferingCode offering, PromotionCode promotion, String on) {
		return subscriptions.start(account.id(), offering, promotion, date(on));
	}

	private Statement only(ServiceAccount account) {
		assertThat(billing.statements(account.id())).hasSize(1);
		return all(account).get(0);
	}

	private List<Statement> all(ServiceAccount account) {
		return billing.statements(account.id())
			.stream()
			.map(summary -> billing.statement(account.id(), summary.id()).orElseThrow())
			.sorted(Comparator.comparing(Statement::cycleStart))
			.toList();
	}

	private Statement statementOf(ServiceAccount account, String cycleStart) {
		return all(account).stream()
			.filter(statement -> statement.cycleStart().equals(date(cycleStart)))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> amounts(Statement statement, LineType type) {
		return statement.lines(type).stream().map(line -> money(line.amountMinor())).toList();
	}

	private static List<String> lines(Statement statement, LineType type) {
		return statement.lines(type)
			.stream()
			.map(line -> line.name().en() + " " + line.from() + ".." + line.to() + " " + money(line.amountMinor()))
			.sorted()
			.toList();
	}

	private static String money(long minor) {
		return Money.ofMinor(minor, Money.USD).amount().toPlainString();
	}

	private static LocalizedText payment() {
		return LocalizedText.of("Payment — thank you", "Pago — gracias");
	}

	private static LocalDate date(String text) {
		return LocalDate.parse(text);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}
}
