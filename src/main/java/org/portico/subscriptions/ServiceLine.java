package org.portico.subscriptions;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.OfferingKind;
import org.portico.shared.Money;

/**
 * One service or piece of equipment on an account as the customer sees it: named in their language,
 * with its status today and what it costs a month (after any promotion).
 *
 * @param listPrice the catalogue's monthly price (all-in for TV)
 * @param monthlyPrice what the customer pays a month now: the list price less an active promotion
 * @param promotionName the promotion's name while it applies
 * @param promotionEndsOn the first day without the discount while it applies
 */
public record ServiceLine(SubscriptionId id, OfferingCode offering, OfferingKind kind, String name,
		String description, SubscriptionStatus status, LocalDate since, @Nullable LocalDate endsOn, Money listPrice,
		Money monthlyPrice, @Nullable String promotionName, @Nullable LocalDate promotionEndsOn,
		@Nullable String equipmentSerialNumber) {

	public boolean isEquipment() {
		return kind == OfferingKind.EQUIPMENT;
	}

	public boolean isDiscounted() {
		return promotionName != null;
	}
}
