package org.portico.identity;

/** What a login may do on a service account; which role has which is {@link GrantRole}'s table. */
public enum Permission {
	/** View the account, services, bills, usage and devices. */
	VIEW_ACCOUNT,
	/** Pay with a saved method or make a one-time payment. */
	MAKE_PAYMENT,
	/** Add or remove payment methods, enrol in autopay. */
	MANAGE_PAYMENT_METHODS,
	/** Change services and plans, book appointments, open tickets. */
	CHANGE_SERVICES,
	/** Change the account's contact details, paperless billing. */
	CHANGE_ACCOUNT_DETAILS,
	/** Invite or remove household members, change their roles. */
	MANAGE_HOUSEHOLD
}
