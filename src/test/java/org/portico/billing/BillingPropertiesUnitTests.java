package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portico.catalog.OfferingKind;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The tax table is bound as Portico binds it at start-up: a misconfigured one fails the binding (and so
 * the start) with a message that says what is wrong, rather than billing wrong taxes.
 */
class BillingPropertiesUnitTests {

	@Test
	void bindsTaxesByStateWithRatesAndPerLineFees() {
		var properties = bind(Map.of("taxes.pa[0].name", "PA sales tax", "taxes.pa[0].rate", "6",
				"taxes.pa[0].applies-to", "TV,EQUIPMENT", "taxes.pa[1].name", "911 fee", "taxes.pa[1].per-line", "1.65",
				"taxes.pa[1].applies-to", "PHONE"));

		assertThat(properties.taxesIn("PA")).hasSize(2);
		assertThat(properties.taxesIn("pa").get(0).appliesTo(OfferingKind.TV)).isTrue();
		assertThat(properties.taxesIn("PA").get(0).appliesTo(OfferingKind.INTERNET)).isFalse();
		assertThat(properties.taxesIn("NY")).isEmpty();
		assertThat(properties.lateFeeAmount().amount()).isEqualByComparingTo("10.00");
	}

	@Test
	void refusesATaxWithoutRateOrAmount() {
		assertRefused(Map.of("taxes.PA[0].name", "PA sales tax", "taxes.PA[0].applies-to", "TV"),
				"needs exactly one of rate (a percentage) or per-line (an amount)");
	}

	@Test
	void refusesARateAbove100Percent() {
		assertRefused(Map.of("taxes.PA[0].name", "PA sales tax", "taxes.PA[0].rate", "600", "taxes.PA[0].applies-to",
				"TV"), "must be more than 0 and at most 100 (percent), not 600");
	}

	@Test
	void refusesATaxThatAppliesToNothing() {
		assertRefused(Map.of("taxes.PA[0].name", "PA sales tax", "taxes.PA[0].rate", "6"),
				"must name the kinds of service it applies to");
	}

	@Test
	void refusesAnUnknownKindOfService() {
		assertThatThrownBy(() -> bind(Map.of("taxes.PA[0].name", "PA sales tax", "taxes.PA[0].rate", "6",
				"taxes.PA[0].applies-to", "CABLE")))
			.isInstanceOf(BindException.class)
			.hasMessageContaining("portico.billing.taxes");
	}

	@Test
	void refusesAStateThatIsNotATwoLetterCode() {
		assertRefused(Map.of("taxes.Penn[0].name", "PA sales tax", "taxes.Penn[0].rate", "6",
				"taxes.Penn[0].applies-to", "TV"), "keyed by two-letter state code");
	}

	@Test
	void refusesANegativeLateFee() {
		assertRefused(Map.of("late-fee", "-5"), "portico.billing.late-fee must be zero or more");
	}

	private static void assertRefused(Map<String, String> settings, String reason) {
		assertThatThrownBy(() -> bind(settings)).isInstanceOf(BindException.class)
			.hasMessageContaining("portico.billing")
			.rootCause()
			.hasMessageContaining(reason);
	}

	private static BillingProperties bind(Map<String, String> settings) {
		var prefixed = new LinkedHashMap<String, String>();
		settings.forEach((key, value) -> prefixed.put("portico.billing." + key, value));
		return new Binder(new MapConfigurationPropertySource(prefixed))
			.bindOrCreate("portico.billing", BillingProperties.class);
	}
}
