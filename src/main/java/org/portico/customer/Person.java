package org.portico.customer;

import org.jspecify.annotations.Nullable;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;

/** A customer: a person with the contact details of record (where the provider reaches them). */
public record Person(PersonId id, String firstName, String lastName, EmailAddress email, @Nullable PhoneNumber phone,
		Language language) {

	public String fullName() {
		return firstName + " " + lastName;
	}
}
