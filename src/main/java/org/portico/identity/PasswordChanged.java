package org.portico.identity;

import java.time.Instant;
import org.portico.customer.PersonId;

/** Published when a login's password changes; the address of record (of {@code person}) is told, per CPNI. */
public record PasswordChanged(LoginId login, PersonId person, Instant changedAt) {
}
