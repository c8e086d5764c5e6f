package org.portico.customer;

/** Where a service account stands. A suspended account can still sign in, see its bills and pay. */
public enum AccountStatus {
	ACTIVE, SUSPENDED, CLOSED
}
