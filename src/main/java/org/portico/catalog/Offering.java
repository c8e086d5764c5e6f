package org.portico.catalog;

import java.util.Objects;
import org.portico.shared.Language;
import org.portico.shared.Money;

/**
 * Something in the provider's catalogue. Kind and monthly price come from the details, so they cannot
 * disagree with them. A retired ({@code active = false}) offering is no longer sold but is still read for
 * the accounts that keep it.
 */
public record Offering(OfferingCode code, LocalizedText name, LocalizedText description, boolean active,
		OfferingDetails details) {

	public Offering {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(name, "name").requireAtMost(80, "validation.catalog.name.too-long");
		Objects.requireNonNull(description, "description").requireAtMost(240, "validation.catalog.description.too-long");
		Objects.requireNonNull(details, "details");
	}

	public OfferingKind kind() {
		return details.kind();
	}

	/** What the customer pays a month before promotions and taxes; for TV the all-in price. */
	public Money monthlyPrice() {
		return details.monthlyPrice();
	}

	public String name(Language language) {
		return name.in(language);
	}

	public String description(Language language) {
		return description.in(language);
	}
}
