package org.portico.catalog;

import org.portico.shared.InvalidValueException;

/**
 * The FCC broadband label's unique plan identifier: {@code F}, the provider's 10-digit FCC Registration
 * Number (FRN), then up to 15 letters or digits the provider chooses per plan.
 */
public record FccPlanIdentifier(String value) {

	public FccPlanIdentifier {
		if (value == null || !value.strip().matches("F\\d{10}[A-Za-z0-9]{1,15}")) {
			throw new InvalidValueException("validation.catalog.fcc-plan-id.invalid",
					"Not an FCC unique plan identifier");
		}
		value = value.strip();
	}

	/** The provider's FCC Registration Number. */
	public String frn() {
		return value.substring(1, 11);
	}

	@Override
	public String toString() {
		return value;
	}
}
