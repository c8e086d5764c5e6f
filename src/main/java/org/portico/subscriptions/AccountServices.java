package org.portico.subscriptions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.portico.catalog.CatalogManagement;
import org.portico.catalog.Offering;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.Promotion;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's view of an account's services and equipment: subscriptions joined with the catalogue,
 * in the reader's language, services first, then equipment. Read-only; callers check access first.
 */
@Service
public class AccountServices {

	private final SubscriptionManagement subscriptions;

	private final CatalogManagement catalog;

	private final Clock clock;

	AccountServices(SubscriptionManagement subscriptions, CatalogManagement catalog, Clock clock) {
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ServiceLine> of(ServiceAccountId account, Language language) {
		LocalDate today = LocalDate.now(clock);
		List<Subscription> current = subscriptions.currentFor(account);
		Map<OfferingCode, Offering> offerings = catalog
			.findAll(current.stream().map(Subscription::offering).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Offering::code, Function.identity()));
		return current.stream()
			.filter(subscription -> offerings.containsKey(subscription.offering()))
			.map(subscription -> line(subscription, offerings.get(subscription.offering()), language, today))
			.sorted(Comparator.comparing((ServiceLine line) -> line.isEquipment())
				.thenComparing(ServiceLine::kind)
				.thenComparing(ServiceLine::since))
			.toList();
	}

	private ServiceLine line(Subscription subscription, Offering offering, Language language, LocalDate today) {
		Money list = offering.monthlyPrice();
		Money price = list;
		String promotionName = null;
		LocalDate promotionEnds = null;
		if (subscription.promotion() != null && subscription.isDiscountedOn(today)) {
			var promotion = catalog.promotion(subscription.promotion());
			if (promotion.isPresent()) {
				Promotion given = promotion.get();
				price = given.discounted(list);
				promotionName = given.name().in(language);
				promotionEnds = subscription.promotionEndsOn();
			}
		}
		return new ServiceLine(subscription.id(), offering.code(), offering.kind(), offering.name(language),
				offering.description(language), subscription.statusOn(today), subscription.startedOn(),
				subscription.endedOn(), list, price, promotionName, promotionEnds, subscription.equipmentSerialNumber());
	}
}
