package org.portico.customer;

/** Published when a service account is suspended, restored or closed. */
public record AccountStatusChanged(ServiceAccountId accountId, AccountStatus from, AccountStatus to) {
}
