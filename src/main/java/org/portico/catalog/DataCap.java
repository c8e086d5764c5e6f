package org.portico.catalog;

import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;

/**
 * A monthly data allowance and what more costs: {@code overageBlockPrice} for each further
 * {@code overageBlockGigabytes} or part of it (e.g. $10 per 50 GB). A tier without one is unlimited.
 */
public record DataCap(int gigabytes, int overageBlockGigabytes, Money overageBlockPrice) {

	public DataCap {
		if (gigabytes <= 0) {
			throw new InvalidValueException("validation.catalog.data-cap.gigabytes", "A data cap must be positive");
		}
		if (overageBlockGigabytes <= 0) {
			throw new InvalidValueException("validation.catalog.data-cap.block", "An overage block must be positive");
		}
		Prices.notNegative(overageBlockPrice, "validation.catalog.data-cap.price");
	}

	/** The overage charge for a month's usage: whole blocks, a started block counting in full. */
	public Money overageFor(long usedGigabytes) {
		long over = Math.max(0, usedGigabytes - gigabytes);
		long blocks = (over + overageBlockGigabytes - 1) / overageBlockGigabytes;
		return overageBlockPrice.times(blocks);
	}
}
