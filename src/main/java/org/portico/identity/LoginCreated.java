package org.portico.identity;

import org.portico.customer.PersonId;

/** Published when an online login is created (the address of record is told, per CPNI). */
public record LoginCreated(LoginId login, PersonId person) {
}
