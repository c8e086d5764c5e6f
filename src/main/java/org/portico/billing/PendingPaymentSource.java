package org.portico.billing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.portico.customer.ServiceAccountId;

/**
 * Payments submitted but not settled yet (DECISIONS.md: a pending payment stops the late fee for the
 * amount it covers). The payments module provides it; without one, nothing is pending.
 */
@FunctionalInterface
public interface PendingPaymentSource {

	/** Per account, in minor units, what is pending from payments submitted on or before {@code submittedBy}. */
	Map<ServiceAccountId, Long> pendingMinor(Collection<ServiceAccountId> accounts, LocalDate submittedBy);
}
