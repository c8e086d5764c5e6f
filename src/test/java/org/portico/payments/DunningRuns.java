package org.portico.payments;

import java.time.LocalDate;
import java.util.Set;
import org.portico.customer.ServiceAccountId;
import org.springframework.stereotype.Component;

/** Dunning's run for one account on a day, for tests outside the payments package (tests share one database). */
@Component
public class DunningRuns {

	private final Dunning dunning;

	DunningRuns(Dunning dunning) {
		this.dunning = dunning;
	}

	/** Runs dunning on {@code today} for {@code account} alone. */
	public void run(ServiceAccountId account, LocalDate today) {
		dunning.run(today, Set.of(account));
	}
}
