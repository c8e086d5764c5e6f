package org.portico.billing;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer's choice between paperless and paper statements, made online.
 *
 * @param chosenBy the login that chose
 * @param consentText the E-SIGN disclosure the customer agreed to, exactly as shown; required to go
 *     paperless
 * @param sourceAddress where the choice came from (the client's IP address)
 */
public record PaperlessChoice(boolean paperless, UUID chosenBy, @Nullable String consentText,
		@Nullable String sourceAddress) {

	public PaperlessChoice {
		Objects.requireNonNull(chosenBy, "chosenBy");
		if (paperless && (consentText == null || consentText.isBlank())) {
			throw new IllegalArgumentException("Going paperless needs the consent the customer agreed to");
		}
		if (consentText != null && consentText.length() > 2_000) {
			throw new IllegalArgumentException("Consent text longer than 2,000 characters");
		}
		if (sourceAddress != null && sourceAddress.length() > 45) {
			sourceAddress = sourceAddress.substring(0, 45);
		}
	}
}
