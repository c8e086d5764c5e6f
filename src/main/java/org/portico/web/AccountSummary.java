package org.portico.web;

import org.portico.customer.ServiceAccount;
import org.portico.identity.GrantRole;

/** One entry of the account switcher. */
record AccountSummary(String id, String number, String address, GrantRole role) {

	static AccountSummary of(ServiceAccount account, GrantRole role) {
		return new AccountSummary(account.id().toString(), account.number().display(), account.serviceAddress().line1(),
				role);
	}
}
