package org.portico.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.portico.shared.InvalidValueException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue's façade: reads offerings, promotions and broadband labels, and defines them for the demo
 * seeder and the operator console. Definitions are upserts by code, so that re-running a seeder neither
 * fails nor duplicates.
 */
@Service
public class CatalogManagement {

	private final OfferingRepository offerings;

	private final PromotionRepository promotions;

	CatalogManagement(OfferingRepository offerings, PromotionRepository promotions) {
		this.offerings = offerings;
		this.promotions = promotions;
	}

	/** The offering with this code, active or retired. */
	@Transactional(readOnly = true)
	public Optional<Offering> find(OfferingCode code) {
		return offerings.find(code);
	}

	/**
	 * The offering with this code, active or retired.
	 *
	 * @throws UnknownOfferingException when there is none
	 */
	@Transactional(readOnly = true)
	public Offering get(OfferingCode code) {
		return offerings.find(code).orElseThrow(() -> new UnknownOfferingException(code));
	}

	/** The offerings among {@code codes} that exist, active or retired, ordered by code. */
	@Transactional(readOnly = true)
	public List<Offering> findAll(Collection<OfferingCode> codes) {
		return offerings.findAll(codes);
	}

	/** What is on sale of a kind, cheapest first. */
	@Transactional(readOnly = true)
	public List<Offering> byKind(OfferingKind kind) {
		return offerings.findActive(kind);
	}

	@Transactional(readOnly = true)
	public Optional<Promotion> promotion(PromotionCode code) {
		return promotions.find(code);
	}

	/** Every promotion on an offering, including those that have ended, ordered by code. */
	@Transactional(readOnly = true)
	public List<Promotion> promotionsFor(OfferingCode offering) {
		return promotions.findFor(offering);
	}

	/**
	 * The FCC broadband label of an internet tier, showing its introductory rate if it has one.
	 *
	 * @throws UnknownOfferingException when there is no such offering
	 * @throws InvalidValueException when the offering is not an internet tier
	 */
	@Transactional(readOnly = true)
	public BroadbandLabel broadbandLabel(OfferingCode code) {
		Offering offering = get(code);
		if (offering.kind() != OfferingKind.INTERNET) {
			throw new InvalidValueException("catalog.broadband-label.not-internet", code + " is not an internet tier");
		}
		return BroadbandLabel.of(offering, promotions.findIntroductory(code).orElse(null));
	}

	/**
	 * Defines an offering, or redefines the one with this code (name, description, price, details). A new
	 * offering is active; a redefinition keeps whether it is active.
	 *
	 * @throws InvalidValueException when an offering with this code exists with another kind: accounts'
	 * subscriptions record the kind
	 */
	@Transactional
	public Offering define(OfferingCode code, LocalizedText name, LocalizedText description, OfferingDetails details) {
		// validates name and description lengths before anything is written
		new Offering(code, name, description, true, details);
		offerings.lockKind(code).ifPresent(kind -> {
			if (kind != details.kind()) {
				throw new InvalidValueException("catalog.offering.kind-fixed",
						code + " is " + kind + " and cannot become " + details.kind());
			}
		});
		offerings.save(code, name, description, details);
		return get(code);
	}

	/**
	 * Defines a promotion, or redefines the one with this code.
	 *
	 * @throws UnknownOfferingException when the promotion's offering does not exist
	 * @throws InvalidValueException when the discount is in another currency or more than the price, or the
	 * offering already has another introductory rate
	 */
	@Transactional
	public Promotion definePromotion(Promotion promotion) {
		// locking the offering serialises definitions of its promotions, so that one introductory rate wins
		if (offerings.lockKind(promotion.offering()).isEmpty()) {
			throw new UnknownOfferingException(promotion.offering());
		}
		var price = get(promotion.offering()).monthlyPrice();
		if (!promotion.monthlyDiscount().currency().equals(price.currency())) {
			throw new InvalidValueException("catalog.promotion.currency", "The discount must be in " + price.currency());
		}
		if (promotion.monthlyDiscount().compareTo(price) > 0) {
			throw new InvalidValueException("catalog.promotion.discount-above-price",
					"The discount is more than the offering's price");
		}
		if (promotion.introductory()) {
			promotions.findIntroductory(promotion.offering())
				.filter(other -> !other.code().equals(promotion.code()))
				.ifPresent(other -> {
					throw new InvalidValueException("catalog.promotion.introductory-taken",
							promotion.offering() + " already has the introductory rate " + other.code());
				});
		}
		promotions.save(promotion);
		return promotions.find(promotion.code()).orElseThrow();
	}

	/**
	 * Takes an offering off sale. Accounts that have it keep it; nobody can start it.
	 *
	 * @throws UnknownOfferingException when there is no such offering
	 */
	@Transactional
	public void retire(OfferingCode code) {
		if (!offerings.updateActive(code, false)) {
			throw new UnknownOfferingException(code);
		}
	}

	/**
	 * Puts a retired offering back on sale.
	 *
	 * @throws UnknownOfferingException when there is no such offering
	 */
	@Transactional
	public void reinstate(OfferingCode code) {
		if (!offerings.updateActive(code, true)) {
			throw new UnknownOfferingException(code);
		}
	}
}
