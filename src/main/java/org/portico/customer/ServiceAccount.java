package org.portico.customer;

import org.jspecify.annotations.Nullable;
import org.portico.shared.AccountNumber;
import org.portico.shared.PostalAddress;

/**
 * What is billed: a service account with its one account holder, where service is delivered, where the
 * bill goes (the service address unless a separate billing address is on file), its status and the day
 * of the month its statement is issued (1–28).
 */
public record ServiceAccount(ServiceAccountId id, AccountNumber number, Person holder, PostalAddress serviceAddress,
		@Nullable PostalAddress separateBillingAddress, AccountStatus status, int billingDay) {

	public PostalAddress billingAddress() {
		return separateBillingAddress == null ? serviceAddress : separateBillingAddress;
	}

	public boolean billsToServiceAddress() {
		return separateBillingAddress == null;
	}
}
