package org.portico.notifications;

/**
 * What a message is about. Security and account notices cannot be turned off (legal and CPNI notices);
 * offers are off until the customer turns them on.
 */
public enum Category {

	BILLING, PAYMENTS, USAGE, OUTAGES, APPOINTMENTS, SECURITY, ACCOUNT, OFFERS;

	/** Security and account notices always reach the customer by email and in the app. */
	public boolean isAlwaysOn() {
		return this == SECURITY || this == ACCOUNT;
	}

	/** Whether the channel is on for a login that never changed its preferences. */
	public boolean isOnByDefault(Channel channel) {
		if (this == OFFERS) {
			return false;
		}
		// SMS needs the customer's recorded consent first, so it starts off everywhere.
		return channel != Channel.SMS;
	}
}
