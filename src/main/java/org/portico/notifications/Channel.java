package org.portico.notifications;

/** How a message reaches the customer. */
public enum Channel {
	EMAIL, SMS, IN_APP
}
