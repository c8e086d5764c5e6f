package org.portico.subscriptions;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.OfferingKind;
import org.portico.catalog.PromotionCode;
import org.portico.customer.ServiceAccountId;

/**
 * Published when an account changes one offering for another of the same kind: the previous subscription
 * ends on {@code effectiveDate} and the new one starts that day. Published instead of an end and a start.
 */
public record SubscriptionChanged(ServiceAccountId accountId, SubscriptionId previousSubscriptionId,
		SubscriptionId subscriptionId, OfferingCode previousOffering, OfferingCode offering, OfferingKind kind,
		@Nullable PromotionCode promotion, LocalDate effectiveDate) {
}
