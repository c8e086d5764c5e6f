package org.portico.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.portico.customer.CustomerManagement;
import org.portico.customer.NewServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.demo.GeneratedAccounts;
import org.portico.subscriptions.SubscriptionImport;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts for the billing-run benchmark, made through the same façades and with the same mix as the bulk
 * generator ({@code org.portico.demo.DemoAccountGenerator}: 96 % active, 3 % suspended, 1 % closed; everyone
 * has internet, about half TV with one to three boxes, a quarter phone; promotions for the recent ones), in
 * batches of 1,000, except that every account has the same billing day: the benchmark bills a provider's
 * busiest billing day, when all of them fall due in one run.
 */
final class BenchmarkAccounts {

	private static final int BATCH = 1_000;

	private final CustomerManagement customers;

	private final SubscriptionManagement subscriptions;

	private final TransactionTemplate transaction;

	BenchmarkAccounts(CustomerManagement customers, SubscriptionManagement subscriptions,
			TransactionTemplate transaction) {
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.transaction = transaction;
	}

	/** What was generated. */
	record Generated(List<ServiceAccountId> accounts, long services) {
	}

	/** {@code count} accounts billed on {@code billingDay}, their services started before {@code today}. */
	Generated generate(int count, int billingDay, LocalDate today, long seed) {
		var random = new SplittableRandom(seed);
		String run = Long.toString(System.nanoTime(), 36);
		var ids = new ArrayList<ServiceAccountId>(count);
		long services = 0;
		for (int done = 0; done < count; done += BATCH) {
			int size = Math.min(BATCH, count - done);
			int offset = done;
			services += transaction.execute(status -> {
				var requests = new ArrayList<NewServiceAccount>(size);
				for (int i = 0; i < size; i++) {
					requests.add(GeneratedAccounts.account(offset + i, run, billingDay, random));
				}
				var opened = customers.importAccounts(requests);
				var imports = new ArrayList<SubscriptionImport>(size * 4);
				for (int i = 0; i < opened.size(); i++) {
					ids.add(opened.get(i).id());
					GeneratedAccounts.services(opened.get(i).id(), requests.get(i).status(), today, random, imports);
				}
				subscriptions.importSubscriptions(imports);
				return (long) imports.size();
			});
		}
		return new Generated(ids, services);
	}
}
