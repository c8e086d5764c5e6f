package org.portico.subscriptions;

/** No subscription has this ID. */
public class UnknownSubscriptionException extends RuntimeException {

	public UnknownSubscriptionException(SubscriptionId id) {
		super("No subscription " + id);
	}
}
