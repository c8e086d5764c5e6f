package org.portico.billing;

import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.LocalizedText;
import org.portico.catalog.OfferingKind;

/**
 * A tax or regulatory fee of one state ({@code portico.billing.taxes.<STATE>[n]}), applied to each taxable
 * service line of the kinds it names: either a percentage of the line (rounded per line) or a fixed
 * amount per monthly line (a 911 fee per phone line, say).
 *
 * @param name as printed on the statement
 * @param nameEs the Spanish name; the English one when not given
 * @param rate a percentage, e.g. {@code 6} for 6 %
 * @param perLine a fixed amount per monthly service line, in the billing currency
 * @param appliesTo the kinds of service it applies to
 */
public record TaxRule(String name, @Nullable String nameEs, @Nullable BigDecimal rate, @Nullable BigDecimal perLine,
		Set<OfferingKind> appliesTo) {

	public TaxRule {
		if (name == null || name.isBlank() || name.length() > 80) {
			throw new IllegalArgumentException("a tax needs a name of 1 to 80 characters");
		}
		if (nameEs != null && (nameEs.isBlank() || nameEs.length() > 80)) {
			throw new IllegalArgumentException("the Spanish name of " + name + " must be 1 to 80 characters");
		}
		if ((rate == null) == (perLine == null)) {
			throw new IllegalArgumentException(name + " needs exactly one of rate (a percentage) or per-line (an amount)");
		}
		if (rate != null && (rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0)) {
			throw new IllegalArgumentException("the rate of " + name + " must be more than 0 and at most 100 (percent), not "
					+ rate.toPlainString());
		}
		if (perLine != null && (perLine.signum() <= 0 || perLine.scale() > 2)) {
			throw new IllegalArgumentException("the per-line amount of " + name
					+ " must be more than zero with at most two decimals, not " + perLine.toPlainString());
		}
		if (appliesTo == null || appliesTo.isEmpty()) {
			throw new IllegalArgumentException(name + " must name the kinds of service it applies to (applies-to)");
		}
		appliesTo = Set.copyOf(appliesTo);
	}

	public LocalizedText text() {
		return LocalizedText.of(name, nameEs == null ? name : nameEs);
	}

	boolean appliesTo(@Nullable OfferingKind kind) {
		return kind != null && appliesTo.contains(kind);
	}
}
