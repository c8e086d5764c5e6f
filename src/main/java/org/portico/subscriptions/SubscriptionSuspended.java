package org.portico.subscriptions;

import java.time.LocalDate;
import org.portico.catalog.OfferingCode;
import org.portico.customer.ServiceAccountId;

/** Published when a subscription is suspended from {@code effectiveDate}. */
public record SubscriptionSuspended(ServiceAccountId accountId, SubscriptionId subscriptionId, OfferingCode offering,
		LocalDate effectiveDate) {
}
