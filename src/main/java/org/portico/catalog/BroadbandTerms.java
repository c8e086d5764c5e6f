package org.portico.catalog;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;

/**
 * The plan-specific terms an FCC broadband label discloses besides price and performance.
 *
 * @param contractMonths the contract length, 0 for none
 * @param earlyTerminationFee charged for leaving during a contract; present exactly when there is one
 * @param monthlyProviderFees recurring provider fees, e.g. gateway rental
 * @param oneTimeFees fees at purchase, e.g. activation, installation
 * @param governmentTaxes how taxes are described, usually “Varies by location”
 */
public record BroadbandTerms(int contractMonths, @Nullable Money earlyTerminationFee, List<Fee> monthlyProviderFees,
		List<Fee> oneTimeFees, LocalizedText governmentTaxes) {

	public BroadbandTerms {
		if (contractMonths < 0 || contractMonths > 60) {
			throw new InvalidValueException("validation.catalog.contract-months", "A contract is 0 to 60 months");
		}
		if ((contractMonths == 0) != (earlyTerminationFee == null)) {
			throw new InvalidValueException("validation.catalog.early-termination-fee",
					"An early termination fee goes with a contract, and only with one");
		}
		if (earlyTerminationFee != null) {
			Prices.notNegative(earlyTerminationFee, "validation.catalog.early-termination-fee");
		}
		monthlyProviderFees = List.copyOf(monthlyProviderFees);
		oneTimeFees = List.copyOf(oneTimeFees);
		Objects.requireNonNull(governmentTaxes, "governmentTaxes")
			.requireAtMost(120, "validation.catalog.taxes.too-long");
	}

	/** Month to month, as most plans are now. */
	public static BroadbandTerms noContract(List<Fee> monthlyProviderFees, List<Fee> oneTimeFees,
			LocalizedText governmentTaxes) {
		return new BroadbandTerms(0, null, monthlyProviderFees, oneTimeFees, governmentTaxes);
	}
}
