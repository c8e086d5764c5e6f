package org.portico.subscriptions;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.PromotionCode;
import org.portico.customer.ServiceAccountId;

/**
 * One subscription of a provider's existing base, for the bulk generator and migrations: it may have
 * ended already and may be for an offering that is no longer sold.
 */
public record SubscriptionImport(ServiceAccountId account, OfferingCode offering, @Nullable PromotionCode promotion,
		LocalDate startedOn, @Nullable LocalDate endedOn, @Nullable String equipmentSerialNumber) {

	public SubscriptionImport {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(offering, "offering");
		Objects.requireNonNull(startedOn, "startedOn");
	}
}
