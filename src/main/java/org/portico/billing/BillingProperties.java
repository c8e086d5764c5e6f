package org.portico.billing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.portico.shared.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing ({@code portico.billing.*}). A misconfigured tax table stops Portico at start-up with the reason,
 * rather than issue statements with wrong taxes.
 *
 * @param currency the currency statements are issued in
 * @param lateFee charged the day after a due date when the statement's amount due is not fully paid
 * @param paymentTermDays the due date is the statement date plus this many days
 * @param taxes by service-address state (two-letter code): the taxes and fees of that state
 * @param run when the billing run looks for billing days to issue (a cron expression in
 *     {@code portico.zone}); a missed run is caught up by the next one
 * @param runEnabled whether this node schedules the billing run at all (one node at a time runs it)
 * @param batchSize accounts per transaction in the billing run
 */
@ConfigurationProperties("portico.billing")
public record BillingProperties(@DefaultValue("USD") Currency currency, @DefaultValue("10.00") BigDecimal lateFee,
		@DefaultValue("21") int paymentTermDays, @DefaultValue Map<String, List<TaxRule>> taxes,
		@DefaultValue("0 5 * * * *") String run, @DefaultValue("true") boolean runEnabled,
		@DefaultValue("500") int batchSize) {

	public BillingProperties {
		if (lateFee.signum() < 0 || lateFee.scale() > currency.getDefaultFractionDigits()) {
			throw new IllegalArgumentException("portico.billing.late-fee must be zero or more, in cents, not "
					+ lateFee.toPlainString());
		}
		if (paymentTermDays < 1 || paymentTermDays > 60) {
			throw new IllegalArgumentException("portico.billing.payment-term-days must be 1 to 60");
		}
		if (batchSize < 1 || batchSize > 5_000) {
			throw new IllegalArgumentException("portico.billing.batch-size must be 1 to 5000");
		}
		var byState = new TreeMap<String, List<TaxRule>>();
		taxes.forEach((state, rules) -> {
			String code = state.strip().toUpperCase(Locale.ROOT);
			if (!code.matches("[A-Z]{2}")) {
				throw new IllegalArgumentException("portico.billing.taxes is keyed by two-letter state code, not '"
						+ state + "'");
			}
			if (byState.put(code, List.copyOf(rules)) != null) {
				throw new IllegalArgumentException("portico.billing.taxes names " + code + " twice");
			}
		});
		taxes = Map.copyOf(byState);
	}

	public Money lateFeeAmount() {
		return new Money(lateFee, currency);
	}

	/** The taxes and fees of a state, none for a state without any configured. */
	public List<TaxRule> taxesIn(String state) {
		return taxes.getOrDefault(state.toUpperCase(Locale.ROOT), List.of());
	}
}
