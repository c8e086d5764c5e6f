package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.catalog.LocalizedText;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.demo.DemoCatalog;
import org.portico.shared.Money;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which accounts are past due, by how much and since when (what dunning reads), for one account and page
 * by page over the whole base. Fixture accounts have Internet 300 ($50.00 a month, untaxed) from
 * 2030-03-12: statements on the 12th, due 21 days later, a $10.00 late fee the day after an unpaid due date.
 */
class PastDueIntegrationTests extends IntegrationTestSupport {

	@Autowired
	AccountFixtures accounts;

	@Autowired
	BillingRun run;

	@Autowired
	BillingManagement billing;

	@Autowired
	SubscriptionManagement subscriptions;

	@Test
	void isNotPastDueOnTheDueDateNorWhenPaidInFull() {
		ServiceAccount unpaid = billed(date("2030-03-12"));
		ServiceAccount paid = billed(date("2030-03-12"));
		pay(paid, "50.00", "2030-04-02");

		assertThat(billing.pastDue(unpaid.id(), date("2030-04-02"))).isEmpty();
		assertThat(billing.pastDue(unpaid.id(), date("2030-04-03")))
			.contains(new PastDue(unpaid.id(), Money.usd("50.00"), date("2030-04-03")));
		assertThat(billing.pastDue(paid.id(), date("2030-04-03"))).isEmpty();
	}

	@Test
	void countsPaymentsCreditsAndRefundsSinceTheStatement() {
		ServiceAccount account = billed(date("2030-03-12"));
		pay(account, "20.00", "2030-03-20");
		billing.addCredit(account.id(), Money.usd("5.00"), date("2030-03-21"), LocalizedText.of("Goodwill", "Cortesía"),
				null);

		assertThat(amount(account, "2030-04-03")).isEqualTo("25.00");

		pay(account, "25.00", "2030-04-05");
		assertThat(billing.pastDue(account.id(), date("2030-04-05"))).isEmpty();

		billing.recordRefund(account.id(), Money.usd("25.00"), date("2030-04-06"), "refund:test-" + account.id(),
				LocalizedText.of("Refund", "Reembolso"));
		assertThat(amount(account, "2030-04-06")).as("a refund un-pays").isEqualTo("25.00");
	}

	@Test
	void datesAnUnbrokenRunOfUnpaidStatementsFromTheOldest() {
		ServiceAccount account = billed(date("2030-03-12"));
		run.run(date("2030-05-04"), Set.of(account.id()));

		// March ($50, due April 2) and April ($50 + $50 + $10 late fee, due May 3) unpaid: past due since the day
		// after March's due date
		assertThat(billing.pastDue(account.id(), date("2030-05-04")))
			.contains(new PastDue(account.id(), Money.usd("110.00"), date("2030-04-03")));
		assertThat(billing.pastDue(account.id(), date("2030-05-04")).orElseThrow().daysPastDue(date("2030-05-04")))
			.isEqualTo(32);

		// paying March's $50 late, after April's statement, leaves April's new charges past due since its own due date
		pay(account, "50.00", "2030-05-04");
		assertThat(billing.pastDue(account.id(), date("2030-05-04")))
			.contains(new PastDue(account.id(), Money.usd("60.00"), date("2030-05-04")));
	}

	@Test
	void readsTheWholeBaseAPageAtATime() {
		LocalDate today = date("2030-04-03");
		List<ServiceAccount> unpaid = List.of(billed(date("2030-03-12")), billed(date("2030-03-12")),
				billed(date("2030-03-12")));
		ServiceAccount paid = billed(date("2030-03-12"));
		pay(paid, "50.00", "2030-03-30");
		Set<ServiceAccountId> ours = Set.of(unpaid.get(0).id(), unpaid.get(1).id(), unpaid.get(2).id(), paid.id());

		Map<ServiceAccountId, PastDue> whole = pages(today, 1000);
		Map<ServiceAccountId, PastDue> small = pages(today, 2);

		assertThat(small).isEqualTo(whole);
		assertThat(whole.keySet().stream().filter(ours::contains))
			.containsExactlyInAnyOrderElementsOf(unpaid.stream().map(ServiceAccount::id).toList());
		for (ServiceAccount account : unpaid) {
			assertThat(whole.get(account.id())).isEqualTo(billing.pastDue(account.id(), today).orElseThrow());
		}
	}

	private Map<ServiceAccountId, PastDue> pages(LocalDate today, int limit) {
		var all = new ArrayList<PastDue>();
		ServiceAccountId after = null;
		List<PastDue> page;
		do {
			page = billing.pastDue(today, after, limit);
			all.addAll(page);
			after = page.isEmpty() ? after : page.get(page.size() - 1).account();
		}
		while (page.size() == limit);
		assertThat(all.stream().map(PastDue::account).distinct()).as("no account twice").hasSize(all.size());
		return all.stream().collect(Collectors.toMap(PastDue::account, Function.identity()));
	}

	private ServiceAccount billed(LocalDate from) {
		ServiceAccount account = accounts.account();
		billing.enrol(account.id(), from);
		subscriptions.start(account.id(), DemoCatalog.INTERNET_300, null, from);
		run.run(from, Set.of(account.id()));
		return account;
	}

	private void pay(ServiceAccount account, String amount, String on) {
		billing.recordPayment(account.id(), Money.usd(amount), date(on), "test-" + java.util.UUID.randomUUID(),
				LocalizedText.of("Payment", "Pago"));
	}

	private String amount(ServiceAccount account, String today) {
		Optional<PastDue> pastDue = billing.pastDue(account.id(), date(today));
		return pastDue.map(due -> due.amount().amount().toPlainString()).orElse("none");
	}

	private static LocalDate date(String text) {
		return LocalDate.parse(text);
	}
}
