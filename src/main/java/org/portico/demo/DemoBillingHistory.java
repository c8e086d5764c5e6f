package org.portico.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.portico.billing.BillingManagement;
import org.portico.billing.BillingRun;
import org.portico.billing.StatementId;
import org.portico.billing.StatementSummary;
import org.portico.catalog.LocalizedText;
import org.portico.demo.DemoSeeder.DemoAccount;
import org.portico.demo.DemoSeeder.OneTimeCharge;
import org.portico.demo.DemoSeeder.PaymentHabit;
import org.portico.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A year of statements for the demo accounts, produced by the real billing run over a shifted clock
 * (DECISIONS.md): the run is taken through the past year a few days at a time, and between the steps
 * each household pays the way it does, so that ledger, statements and PDFs agree as they would after a
 * year of real use.
 */
@Component
class DemoBillingHistory {

	private static final Logger log = LoggerFactory.getLogger(DemoBillingHistory.class);

	private static final LocalizedText PAYMENT = LocalizedText.of("Payment — thank you", "Pago — gracias");

	// a step shorter than the ten days to a payment, so each payment lands before its due date is checked
	private static final int STEP_DAYS = 5;

	private static final int PAYS_AFTER_DAYS = 10;

	private final BillingRun run;

	private final BillingManagement billing;

	private final Clock clock;

	DemoBillingHistory(BillingRun run, BillingManagement billing, Clock clock) {
		this.run = run;
		this.billing = billing;
		this.clock = clock;
	}

	void seed(List<DemoAccount> accounts) {
		LocalDate today = LocalDate.now(clock);
		LocalDate start = today.minusMonths(12);
		long started = System.nanoTime();
		// billing starts a year ago, or when a newer customer's service did (before the paperless choice,
		// which would otherwise enrol the account today and leave it no history)
		for (DemoAccount demo : accounts) {
			billing.enrol(demo.account().id(), demo.customerSince().isAfter(start) ? demo.customerSince() : start);
			billing.choosePaperless(demo.account().id(), demo.paperless());
		}
		Set<OneTimeCharge> posted = new HashSet<>();
		Set<StatementId> settled = new HashSet<>();
		LocalDate day = start;
		while (true) {
			for (DemoAccount demo : accounts) {
				postCharges(demo, day, posted);
			}
			run.runThrough(day);
			for (DemoAccount demo : accounts) {
				pay(demo, day, today, settled);
			}
			if (day.equals(today)) {
				break;
			}
			day = day.plusDays(STEP_DAYS).isAfter(today) ? today : day.plusDays(STEP_DAYS);
		}
		log.info("Demo mode: billed a year of history for {} demo accounts in {} ms", accounts.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Posts the charges dated up to {@code day}, each after billing up to the day before it, so that a
	 * charge lands on the first statement after its date, as it would have.
	 */
	private void postCharges(DemoAccount demo, LocalDate day, Set<OneTimeCharge> posted) {
		for (OneTimeCharge charge : demo.charges()) {
			if (!charge.on().isAfter(day) && posted.add(charge)) {
				run.runThrough(charge.on().minusDays(1));
				Money amount = Money.usd(charge.amount());
				var text = LocalizedText.of(charge.en(), charge.es());
				String reference = "demo-" + charge.on() + "-" + Math.abs(charge.en().hashCode());
				if (amount.isNegative()) {
					billing.addCredit(demo.account().id(), Money.zero(amount.currency()).minus(amount), charge.on(), text,
							reference);
				}
				else {
					billing.addCharge(demo.account().id(), amount, charge.on(), text, reference);
				}
			}
		}
	}

	private void pay(DemoAccount demo, LocalDate day, LocalDate today, Set<StatementId> settled) {
		for (StatementSummary statement : billing.statements(demo.account().id())) {
			LocalDate payday = statement.statementDate().plusDays(PAYS_AFTER_DAYS);
			if (payday.isAfter(day) || !settled.add(statement.id())) {
				continue;
			}
			boolean pays = demo.habit() == PaymentHabit.ON_TIME
					|| !statement.statementDate().isAfter(today.minusMonths(2));
			if (pays && !statement.amountDue().isNegative() && !statement.amountDue().isZero()) {
				billing.recordPayment(demo.account().id(), statement.amountDue(), payday, "demo-payment-" + statement.id(),
						PAYMENT);
			}
		}
	}
}
