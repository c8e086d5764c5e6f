package org.portico.customer;

/** No service account has this ID. */
public class UnknownServiceAccountException extends RuntimeException {

	public UnknownServiceAccountException(ServiceAccountId id) {
		super("No service account " + id);
	}
}
