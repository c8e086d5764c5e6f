package org.portico.customer;

import org.portico.shared.AccountNumber;

/** Published when a service account is opened. */
public record ServiceAccountOpened(ServiceAccountId accountId, AccountNumber number, int billingDay) {
}
