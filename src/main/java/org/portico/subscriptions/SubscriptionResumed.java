package org.portico.subscriptions;

import java.time.LocalDate;
import org.portico.catalog.OfferingCode;
import org.portico.customer.ServiceAccountId;

/** Published when a suspended subscription is provided again from {@code effectiveDate}. */
public record SubscriptionResumed(ServiceAccountId accountId, SubscriptionId subscriptionId, OfferingCode offering,
		LocalDate effectiveDate) {
}
