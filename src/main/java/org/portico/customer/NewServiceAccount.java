package org.portico.customer;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.portico.shared.EmailAddress;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.portico.shared.PostalAddress;

/** Everything needed to open a service account for a new account holder. */
public record NewServiceAccount(String holderFirstName, String holderLastName, EmailAddress email,
		@Nullable PhoneNumber phone, Language language, PostalAddress serviceAddress,
		@Nullable PostalAddress separateBillingAddress, int billingDay, AccountStatus status) {

	public NewServiceAccount {
		holderFirstName = name(holderFirstName, "validation.name.first");
		holderLastName = name(holderLastName, "validation.name.last");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(language, "language");
		Objects.requireNonNull(serviceAddress, "serviceAddress");
		Objects.requireNonNull(status, "status");
		if (billingDay < 1 || billingDay > 28) {
			throw new InvalidValueException("validation.billing-day.invalid", "Billing day must be 1 to 28");
		}
	}

	static String name(String value, String key) {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException(key + ".required", "Required");
		}
		if (value.strip().length() > 60) {
			throw new InvalidValueException(key + ".too-long", "Too long");
		}
		return value.strip();
	}
}
