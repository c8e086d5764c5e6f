package org.portico.catalog;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;

/**
 * An internet tier: advertised (“up to”) speeds, typical performance, the data cap if any, and the terms
 * its FCC broadband label discloses.
 *
 * @param dataCap the monthly allowance, {@code null} for unlimited data
 */
public record InternetTier(Money monthlyPrice, int downloadMbps, int uploadMbps, TypicalPerformance typical,
		@Nullable DataCap dataCap, BroadbandTerms terms, FccPlanIdentifier fccPlanId) implements OfferingDetails {

	public InternetTier {
		Prices.notNegative(monthlyPrice, "validation.catalog.price");
		if (downloadMbps <= 0 || uploadMbps <= 0) {
			throw new InvalidValueException("validation.catalog.speed", "Advertised speeds must be positive");
		}
		Objects.requireNonNull(typical, "typical");
		Objects.requireNonNull(terms, "terms");
		Objects.requireNonNull(fccPlanId, "fccPlanId");
		Prices.sameCurrency(monthlyPrice, dataCap == null ? null : dataCap.overageBlockPrice());
		Prices.sameCurrency(monthlyPrice, terms.earlyTerminationFee());
		terms.monthlyProviderFees().forEach(fee -> Prices.sameCurrency(monthlyPrice, fee.amount()));
		terms.oneTimeFees().forEach(fee -> Prices.sameCurrency(monthlyPrice, fee.amount()));
	}

	@Override
	public OfferingKind kind() {
		return OfferingKind.INTERNET;
	}

	public boolean isUnlimited() {
		return dataCap == null;
	}
}
