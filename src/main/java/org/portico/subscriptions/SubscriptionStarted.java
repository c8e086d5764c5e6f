package org.portico.subscriptions;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.OfferingKind;
import org.portico.catalog.PromotionCode;
import org.portico.customer.ServiceAccountId;

/** Published when an account starts an offering ({@code effectiveDate} is the first day of service). */
public record SubscriptionStarted(ServiceAccountId accountId, SubscriptionId subscriptionId, OfferingCode offering,
		OfferingKind kind, @Nullable PromotionCode promotion, LocalDate effectiveDate) {
}
