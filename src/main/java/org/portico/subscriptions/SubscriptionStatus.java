package org.portico.subscriptions;

/** Where a subscription stands on a given date. */
public enum SubscriptionStatus {

	/** Starts on a later date. */
	PENDING,

	ACTIVE,

	/** Provided no longer for now (e.g. seasonal hold), but not ended. */
	SUSPENDED,

	/** Ended on or before the date. */
	ENDED
}
