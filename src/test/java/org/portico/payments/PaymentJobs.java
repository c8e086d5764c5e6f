package org.portico.payments;

import java.time.LocalDate;
import java.util.Set;
import org.portico.customer.ServiceAccountId;
import org.springframework.stereotype.Component;

/**
 * The payments module's daily jobs for one account on a day, for tests outside the payments package (tests
 * share one database, so each runs the jobs for its own accounts only).
 */
@Component
public class PaymentJobs {

	private final Dunning dunning;

	private final Autopay autopay;

	PaymentJobs(Dunning dunning, Autopay autopay) {
		this.dunning = dunning;
		this.autopay = autopay;
	}

	/** Runs dunning on {@code today} for {@code account} alone. */
	public void dunning(ServiceAccountId account, LocalDate today) {
		dunning.run(today, Set.of(account));
	}

	/** Runs autopay on {@code today} for {@code account} alone. */
	public void autopay(ServiceAccountId account, LocalDate today) {
		autopay.run(today, Set.of(account));
	}
}
