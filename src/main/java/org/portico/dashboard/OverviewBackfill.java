package org.portico.dashboard;

import java.util.List;
import java.util.Set;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills the projection's missing rows: accounts that never had an event since it exists (the demo seed, a
 * bulk import, every account on the day the projection is deployed). Walks the open accounts a page at a
 * time, asks which of the page have no row (one query), and computes those. A row already there is left
 * to the events.
 */
@Component
class OverviewBackfill {

	private static final Logger log = LoggerFactory.getLogger(OverviewBackfill.class);

	static final int PAGE = 500;

	private final CustomerManagement customers;

	private final OverviewRepository overviews;

	private final OverviewRefresher refresher;

	OverviewBackfill(CustomerManagement customers, OverviewRepository overviews, OverviewRefresher refresher) {
		this.customers = customers;
		this.overviews = overviews;
		this.refresher = refresher;
	}

	/** Computes every missing row; returns how many it wrote. */
	int run() {
		int written = 0;
		ServiceAccountId after = null;
		List<ServiceAccount> page;
		do {
			page = customers.openAccountsAfter(after, PAGE);
			Set<ServiceAccountId> missing = overviews.missing(page.stream().map(ServiceAccount::id).toList());
			for (ServiceAccountId account : missing) {
				try {
					refresher.refresh(account);
					written++;
				}
				catch (RuntimeException e) {
					// one account's trouble must not stop the others; the next run or its first view tries again
					log.warn("Dashboard row of account {} not computed: {}", account, e.toString());
				}
			}
			after = page.isEmpty() ? after : page.get(page.size() - 1).id();
		}
		while (page.size() == PAGE);
		return written;
	}
}
