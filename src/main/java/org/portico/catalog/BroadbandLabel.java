package org.portico.catalog;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Language;
import org.portico.shared.Money;

/**
 * The plan-specific content of an internet tier's FCC broadband consumer label (47 CFR § 8.1(b)). The
 * provider-wide parts — customer support contact, network management and privacy policy links — come from
 * the provider's configuration.
 *
 * @param monthlyPrice the price before taxes: the introductory price while there is one
 * @param introductoryRate for how long {@code monthlyPrice} applies and the price after, when introductory
 */
public record BroadbandLabel(OfferingCode offering, LocalizedText planName, FccPlanIdentifier uniquePlanIdentifier,
		Money monthlyPrice, @Nullable IntroductoryRate introductoryRate, BroadbandTerms terms,
		TypicalPerformance typical, @Nullable DataCap dataCap) {

	public BroadbandLabel {
		Objects.requireNonNull(offering, "offering");
		Objects.requireNonNull(planName, "planName");
		Objects.requireNonNull(uniquePlanIdentifier, "uniquePlanIdentifier");
		Objects.requireNonNull(monthlyPrice, "monthlyPrice");
		Objects.requireNonNull(terms, "terms");
		Objects.requireNonNull(typical, "typical");
	}

	/**
	 * The label of an internet tier, with its introductory promotion if it has one.
	 *
	 * @throws IllegalArgumentException when the offering is not an internet tier
	 */
	static BroadbandLabel of(Offering offering, @Nullable Promotion introductory) {
		if (!(offering.details() instanceof InternetTier tier)) {
			throw new IllegalArgumentException(offering.code() + " is not an internet tier");
		}
		Money price = tier.monthlyPrice();
		IntroductoryRate rate = null;
		if (introductory != null && introductory.durationMonths() != null) {
			rate = new IntroductoryRate(introductory.durationMonths(), price);
			price = introductory.discounted(price);
		}
		return new BroadbandLabel(offering.code(), offering.name(), tier.fccPlanId(), price, rate, tier.terms(),
				tier.typical(), tier.dataCap());
	}

	public boolean isIntroductoryRate() {
		return introductoryRate != null;
	}

	/** “No” or “Yes: 12 months, then $65.00/mo”; in Spanish “Sí: 12 meses, luego $65.00/mes”. */
	public String introductoryRateSummary(Language language) {
		boolean es = language == Language.ES_US;
		if (introductoryRate == null) {
			return "No";
		}
		return (es ? "Sí: " : "Yes: ") + months(introductoryRate.months(), language) + (es ? ", luego " : ", then ")
				+ introductoryRate.priceAfter().formatted() + (es ? "/mes" : "/mo");
	}

	/** “No contract” or “12 months”. */
	public String contractLength(Language language) {
		if (terms.contractMonths() == 0) {
			return language == Language.ES_US ? "Sin contrato" : "No contract";
		}
		return months(terms.contractMonths(), language);
	}

	/** “Unlimited” or “1,200 GB”. */
	public String dataIncluded(Language language) {
		if (dataCap == null) {
			return language == Language.ES_US ? "Ilimitados" : "Unlimited";
		}
		return number(dataCap.gigabytes()) + " GB";
	}

	/** “$10.00 for each additional 50 GB”, or “None” for unlimited data. */
	public String overageCharges(Language language) {
		boolean es = language == Language.ES_US;
		if (dataCap == null) {
			return es ? "Ninguno" : "None";
		}
		String price = dataCap.overageBlockPrice().formatted();
		String block = number(dataCap.overageBlockGigabytes()) + " GB";
		return es ? price + " por cada " + block + " adicionales" : price + " for each additional " + block;
	}

	public String governmentTaxes(Language language) {
		return terms.governmentTaxes().in(language);
	}

	public String typicalDownloadSpeed() {
		return number(typical.downloadMbps()) + " Mbps";
	}

	public String typicalUploadSpeed() {
		return number(typical.uploadMbps()) + " Mbps";
	}

	public String typicalLatency() {
		return number(typical.latencyMs()) + " ms";
	}

	public Money totalMonthlyProviderFees() {
		return terms.monthlyProviderFees().stream().map(Fee::amount).reduce(Money.zero(monthlyPrice.currency()),
				Money::plus);
	}

	public Money totalOneTimeFees() {
		return terms.oneTimeFees().stream().map(Fee::amount).reduce(Money.zero(monthlyPrice.currency()), Money::plus);
	}

	private static String months(int months, Language language) {
		if (language == Language.ES_US) {
			return months + (months == 1 ? " mes" : " meses");
		}
		return months + (months == 1 ? " month" : " months");
	}

	// US digit grouping in both languages, as for amounts (DECISIONS.md)
	private static String number(int value) {
		return NumberFormat.getIntegerInstance(Locale.US).format(value);
	}

	/** How long an introductory price lasts and what the plan costs after it. */
	public record IntroductoryRate(int months, Money priceAfter) {
	}
}
