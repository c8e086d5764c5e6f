package org.portico.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.portico.billing.BillingManagement;
import org.portico.billing.LineType;
import org.portico.billing.Statement;
import org.portico.billing.StatementLine;
import org.portico.billing.StatementStatus;
import org.portico.customer.ServiceAccountId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's year of statements, made by the real billing run over past dates: a year of cycles, one-time
 * charges on the first statement after their date, the household that stopped paying past due with a late
 * fee, and every ledger agreeing with its latest statement.
 */
class DemoBillingHistoryIntegrationTests extends IntegrationTestSupport {

	@Autowired
	BillingManagement billing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void jamesHasAYearOfStatementsWithTheOneTimeChargeAfterItsDate() {
		List<Statement> statements = statements("james.chen@example.com");

		assertThat(statements).hasSizeBetween(11, 13);
		assertThat(statements.get(0).cycleStart()).isAfterOrEqualTo(LocalDate.now(clock).minusMonths(12));
		List<StatementLine> oneTime = statements.stream().flatMap(s -> s.lines(LineType.ONE_TIME).stream()).toList();
		assertThat(oneTime).singleElement().satisfies(line -> assertThat(line.name().en()).contains("Pay-per-view"));
		for (int i = 1; i < statements.size(); i++) {
			for (StatementLine line : statements.get(i).lines(LineType.ONE_TIME)) {
				assertThat(line.on()).isAfterOrEqualTo(statements.get(i - 1).cycleStart())
					.isBefore(statements.get(i).cycleStart());
			}
		}
		assertThat(statements).allSatisfy(statement -> assertThat(statement.paperless()).isTrue());
	}

	@Test
	void mariaStoppedPayingAndIsPastDueWithALateFee() {
		List<Statement> statements = statements("maria.gonzalez@example.com");

		assertThat(statements).anySatisfy(statement -> assertThat(statement.status()).isEqualTo(StatementStatus.PAST_DUE));
		assertThat(statements.get(statements.size() - 1).lines(LineType.LATE_FEE)).isNotEmpty();
		assertThat(statements.get(statements.size() - 1).previousBalance().isZero()).isFalse();
		assertThat(statements).allSatisfy(statement -> assertThat(statement.paperless()).isFalse());
	}

	@Test
	void everyDemoLedgerAgreesWithItsStatements() {
		for (String email : List.of("ana.rivera@example.com", "james.chen@example.com", "maria.gonzalez@example.com",
				"priya.shah@example.com", "meena.shah@example.com", "robert.miller@example.com")) {
			ServiceAccountId account = accountOf(email);
			List<Statement> statements = statements(email);
			Statement latest = statements.get(statements.size() - 1);
			// the balance is the latest amount due plus whatever was posted after it
			long after = billing.ledger(account)
				.stream()
				.filter(entry -> entry.effectiveOn().isAfter(latest.cycleStart()))
				.mapToLong(entry -> entry.amount().minorUnits())
				.sum();
			assertThat(billing.balance(account).minorUnits()).as(email)
				.isEqualTo(latest.amountDue().minorUnits() + after);
			for (int i = 1; i < statements.size(); i++) {
				assertThat(statements.get(i).previousBalance()).as(email)
					.isEqualTo(statements.get(i - 1).amountDue());
			}
		}
	}

	private List<Statement> statements(String email) {
		ServiceAccountId account = accountOf(email);
		return billing.statements(account)
			.stream()
			.map(summary -> billing.statement(account, summary.id()).orElseThrow())
			.sorted(Comparator.comparing(Statement::cycleStart))
			.toList();
	}

	private ServiceAccountId accountOf(String email) {
		return new ServiceAccountId(jdbc.sql("""
				select a.id from customer.service_account a join customer.person p on p.id = a.holder_id
				where p.email = :email""").param("email", email).query(UUID.class).single());
	}
}
