package org.portico.billing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.portico.customer.ServiceAccountId;

/**
 * Where usage charges come from (the usage module, once it exists). Billing asks once per batch of
 * accounts for the cycle that just ended; without a source there are none.
 */
public interface UsageChargeSource {

	/** The usage charges of these accounts, each for its own finished cycle. */
	List<UsageCharge> chargesFor(Collection<Period> periods);

	/** An account's finished cycle. */
	record Period(ServiceAccountId account, LocalDate from, LocalDate to) {
	}
}
