package org.portico.subscriptions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.CatalogManagement;
import org.portico.catalog.Offering;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.Promotion;
import org.portico.catalog.PromotionCode;
import org.portico.customer.AccountStatus;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccountId;
import org.portico.subscriptions.SubscriptionRejectedException.Reason;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriptions module's façade: starts, changes and ends an account's offerings with an effective
 * date, and tells the rest of Portico (billing above all) through events published in the same
 * transaction. A rejected request writes nothing. Like {@code CustomerManagement} it trusts its callers to
 * have checked access to the account.
 */
@Service
public class SubscriptionManagement {

	// How accounts list their services: internet, TV, add-ons, phone, features, equipment; oldest first.
	private static final Comparator<Subscription> BY_KIND_THEN_START = Comparator
		.comparing(Subscription::kind)
		.thenComparing(Subscription::startedOn)
		.thenComparing(subscription -> subscription.offering().value())
		.thenComparing(subscription -> subscription.id().value());

	private static final Comparator<Subscription> NEWEST_FIRST = Comparator
		.comparing(Subscription::startedOn, Comparator.reverseOrder())
		.thenComparing(Subscription::kind)
		.thenComparing(subscription -> subscription.offering().value())
		.thenComparing(subscription -> subscription.id().value());

	private final SubscriptionRepository subscriptions;

	private final CatalogManagement catalog;

	private final CustomerManagement customers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubscriptionManagement(SubscriptionRepository subscriptions, CatalogManagement catalog,
			CustomerManagement customers, ApplicationEventPublisher events, Clock clock) {
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.customers = customers;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts an offering on an account from {@code effectiveDate} (past dates record existing service,
	 * future ones are pending), optionally with a promotion.
	 *
	 * @throws SubscriptionRejectedException when the account is unknown or closed, the offering unknown or
	 * retired, or the promotion unknown, for another offering or ended by {@code effectiveDate}
	 */
	@Transactional
	public Subscription start(ServiceAccountId account, OfferingCode offering, @Nullable PromotionCode promotion,
			LocalDate effectiveDate) {
		return start(account, offering, promotion, effectiveDate, null);
	}

	/**
	 * Starts an offering as {@link #start(ServiceAccountId, OfferingCode, PromotionCode, LocalDate)} does,
	 * recording the serial number of the rented unit for equipment.
	 */
	@Transactional
	public Subscription start(ServiceAccountId account, OfferingCode offering, @Nullable PromotionCode promotion,
			LocalDate effectiveDate, @Nullable String equipmentSerialNumber) {
		requireOpenAccount(account);
		Offering sold = onSale(offering);
		Promotion given = promotion == null ? null : promotionFor(promotion, offering, effectiveDate);
		var subscription = new Subscription(SubscriptionId.random(), account, offering, sold.kind(), effectiveDate, null,
				promotion, given == null ? null : given.endsOn(effectiveDate), equipmentSerialNumber, null, null);
		subscriptions.insert(subscription);
		events.publishEvent(new SubscriptionStarted(account, subscription.id(), offering, sold.kind(), promotion,
				effectiveDate));
		return subscription;
	}

	/**
	 * Changes a subscription to another offering of the same kind from {@code effectiveDate}, without a
	 * promotion: the old promotion does not carry over.
	 *
	 * @see #change(SubscriptionId, OfferingCode, PromotionCode, LocalDate)
	 */
	@Transactional
	public Subscription change(SubscriptionId id, OfferingCode newOffering, LocalDate effectiveDate) {
		return change(id, newOffering, null, effectiveDate);
	}

	/**
	 * Changes a subscription to another offering of the same kind: the old one ends on {@code effectiveDate}
	 * (the first day without it) and the new one starts that day, with {@code promotion} if given.
	 *
	 * @return the new subscription
	 * @throws UnknownSubscriptionException when there is no such subscription
	 * @throws SubscriptionRejectedException when the subscription has ended (or its end is scheduled), the
	 * date is before its start, the new offering is unknown, retired, the same or of another kind, or the
	 * promotion does not apply
	 */
	@Transactional
	public Subscription change(SubscriptionId id, OfferingCode newOffering, @Nullable PromotionCode promotion,
			LocalDate effectiveDate) {
		Subscription current = subscriptions.lock(id).orElseThrow(() -> new UnknownSubscriptionException(id));
		Subscription ended = current.endingOn(effectiveDate);
		if (current.offering().equals(newOffering)) {
			throw new SubscriptionRejectedException(Reason.SAME_OFFERING, id + " already has " + newOffering);
		}
		Offering sold = onSale(newOffering);
		if (sold.kind() != current.kind()) {
			throw new SubscriptionRejectedException(Reason.DIFFERENT_KIND,
					"Cannot change " + current.kind() + " to " + sold.kind());
		}
		Promotion given = promotion == null ? null : promotionFor(promotion, newOffering, effectiveDate);
		var replacement = new Subscription(SubscriptionId.random(), current.account(), newOffering, sold.kind(),
				effectiveDate, null, promotion, given == null ? null : given.endsOn(effectiveDate), null, null,
				current.id());
		subscriptions.update(ended);
		subscriptions.insert(replacement);
		events.publishEvent(new SubscriptionChanged(current.account(), current.id(), replacement.id(),
				current.offering(), newOffering, sold.kind(), promotion, effectiveDate));
		return replacement;
	}

	/**
	 * Ends a subscription: {@code effectiveDate} is the first day without the service (the start date
	 * itself cancels a pending one).
	 *
	 * @throws UnknownSubscriptionException when there is no such subscription
	 * @throws SubscriptionRejectedException when it has ended (or its end is scheduled) or the date is
	 * before its start
	 */
	@Transactional
	public Subscription end(SubscriptionId id, LocalDate effectiveDate) {
		Subscription current = subscriptions.lock(id).orElseThrow(() -> new UnknownSubscriptionException(id));
		Subscription ended = current.endingOn(effectiveDate);
		subscriptions.update(ended);
		events.publishEvent(new SubscriptionEnded(ended.account(), ended.id(), ended.offering(), ended.kind(),
				effectiveDate));
		return ended;
	}

	/**
	 * Suspends a subscription from {@code effectiveDate} until it is resumed.
	 *
	 * @throws SubscriptionRejectedException when it has ended, is suspended already or the date is before
	 * its start
	 */
	@Transactional
	public Subscription suspend(SubscriptionId id, LocalDate effectiveDate) {
		Subscription current = subscriptions.lock(id).orElseThrow(() -> new UnknownSubscriptionException(id));
		Subscription suspended = current.suspendedFrom(effectiveDate);
		subscriptions.update(suspended);
		events.publishEvent(new SubscriptionSuspended(current.account(), id, current.offering(), effectiveDate));
		return suspended;
	}

	/**
	 * Resumes a suspended subscription from {@code effectiveDate}.
	 *
	 * @throws SubscriptionRejectedException when it is not suspended, has ended, or the date is before the
	 * suspension
	 */
	@Transactional
	public Subscription resume(SubscriptionId id, LocalDate effectiveDate) {
		Subscription current = subscriptions.lock(id).orElseThrow(() -> new UnknownSubscriptionException(id));
		Subscription resumed = current.resumedOn(effectiveDate);
		subscriptions.update(resumed);
		events.publishEvent(new SubscriptionResumed(current.account(), id, current.offering(), effectiveDate));
		return resumed;
	}

	@Transactional(readOnly = true)
	public Optional<Subscription> find(SubscriptionId id) {
		return subscriptions.find(id);
	}

	/**
	 * What the account has or will have: every subscription not ended as of today in the provider's zone,
	 * pending ones included, ordered by kind (internet, TV, add-ons, phone, features, equipment) then start.
	 */
	@Transactional(readOnly = true)
	public List<Subscription> currentFor(ServiceAccountId account) {
		var current = new ArrayList<>(subscriptions.findCurrent(account, LocalDate.now(clock)));
		current.sort(BY_KIND_THEN_START);
		return current;
	}

	/** Every subscription the account has had, has or will have, newest start first. */
	@Transactional(readOnly = true)
	public List<Subscription> historyFor(ServiceAccountId account) {
		var history = new ArrayList<>(subscriptions.findByAccount(account));
		history.sort(NEWEST_FIRST);
		return history;
	}

	/**
	 * Every subscription of these accounts that started before {@code before} (ended ones included),
	 * grouped by account: what billing needs to charge a cycle in advance and to settle changes made
	 * since the last statement, for a whole batch of accounts in one query.
	 */
	@Transactional(readOnly = true)
	public Map<ServiceAccountId, List<Subscription>> startedBefore(Collection<ServiceAccountId> accounts,
			LocalDate before) {
		return subscriptions.findStartedBefore(accounts, before)
			.stream()
			.collect(Collectors.groupingBy(Subscription::account));
	}

	/**
	 * Records a provider's existing subscriptions in JDBC batches, for the bulk generator (100,000s of rows
	 * in one call). Publishes no events, as these are not changes, and does not look accounts up: the caller
	 * has just created them. Offerings must exist but may be retired; promotions must apply to them.
	 *
	 * @return the new subscriptions' IDs, in the order of {@code imports}
	 * @throws SubscriptionRejectedException when any row breaks a rule; then none is recorded
	 */
	@Transactional
	public List<SubscriptionId> importSubscriptions(List<SubscriptionImport> imports) {
		Map<OfferingCode, Offering> offerings = catalog
			.findAll(imports.stream().map(SubscriptionImport::offering).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Offering::code, Function.identity()));
		var promotions = new HashMap<PromotionCode, Promotion>();
		var rows = new ArrayList<Subscription>(imports.size());
		for (SubscriptionImport row : imports) {
			Offering offering = offerings.get(row.offering());
			if (offering == null) {
				throw new SubscriptionRejectedException(Reason.UNKNOWN_OFFERING, "No offering " + row.offering());
			}
			LocalDate promotionEndsOn = null;
			if (row.promotion() != null) {
				Promotion promotion = promotions.computeIfAbsent(row.promotion(),
						code -> catalog.promotion(code).orElseThrow(
								() -> new SubscriptionRejectedException(Reason.UNKNOWN_PROMOTION, "No promotion " + code)));
				requireApplies(promotion, row.offering());
				promotionEndsOn = promotion.endsOn(row.startedOn());
			}
			rows.add(new Subscription(SubscriptionId.random(), row.account(), row.offering(), offering.kind(),
					row.startedOn(), row.endedOn(), row.promotion(), promotionEndsOn, row.equipmentSerialNumber(), null,
					null));
		}
		subscriptions.insertBatch(rows);
		return rows.stream().map(Subscription::id).toList();
	}

	private void requireOpenAccount(ServiceAccountId account) {
		var found = customers.find(account).orElseThrow(
				() -> new SubscriptionRejectedException(Reason.UNKNOWN_ACCOUNT, "No service account " + account));
		if (found.status() == AccountStatus.CLOSED) {
			throw new SubscriptionRejectedException(Reason.ACCOUNT_CLOSED, "Service account " + account + " is closed");
		}
	}

	private Offering onSale(OfferingCode code) {
		Offering offering = catalog.find(code)
			.orElseThrow(() -> new SubscriptionRejectedException(Reason.UNKNOWN_OFFERING, "No offering " + code));
		if (!offering.active()) {
			throw new SubscriptionRejectedException(Reason.INACTIVE_OFFERING, code + " is no longer sold");
		}
		return offering;
	}

	private Promotion promotionFor(PromotionCode code, OfferingCode offering, LocalDate serviceStart) {
		Promotion promotion = catalog.promotion(code)
			.orElseThrow(() -> new SubscriptionRejectedException(Reason.UNKNOWN_PROMOTION, "No promotion " + code));
		requireApplies(promotion, offering);
		if (promotion.hasEndedBy(serviceStart)) {
			throw new SubscriptionRejectedException(Reason.PROMOTION_ENDED,
					code + " ended on " + Objects.requireNonNull(promotion.endDate()));
		}
		return promotion;
	}

	private static void requireApplies(Promotion promotion, OfferingCode offering) {
		if (!promotion.appliesTo(offering)) {
			throw new SubscriptionRejectedException(Reason.PROMOTION_NOT_APPLICABLE,
					promotion.code() + " is for " + promotion.offering() + ", not " + offering);
		}
	}
}
