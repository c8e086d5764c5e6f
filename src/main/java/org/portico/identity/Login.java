package org.portico.identity;

import org.portico.customer.PersonId;
import org.portico.shared.CustomerId;
import org.portico.shared.EmailAddress;

/** An online login of a customer (read model: no credentials). */
public record Login(LoginId id, PersonId person, EmailAddress email, CustomerId customerId, boolean enabled) {
}
