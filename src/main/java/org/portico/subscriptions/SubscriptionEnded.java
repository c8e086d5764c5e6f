package org.portico.subscriptions;

import java.time.LocalDate;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.OfferingKind;
import org.portico.customer.ServiceAccountId;

/** Published when an account's subscription ends ({@code effectiveDate} is the first day without it). */
public record SubscriptionEnded(ServiceAccountId accountId, SubscriptionId subscriptionId, OfferingCode offering,
		OfferingKind kind, LocalDate effectiveDate) {
}
