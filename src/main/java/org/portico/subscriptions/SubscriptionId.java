package org.portico.subscriptions;

import java.util.Objects;
import java.util.UUID;
import org.portico.shared.InvalidValueException;

/** Identifies one subscription: one offering on one account for one stretch of time. */
public record SubscriptionId(UUID value) {

	public SubscriptionId {
		Objects.requireNonNull(value, "value");
	}

	public static SubscriptionId random() {
		return new SubscriptionId(UUID.randomUUID());
	}

	public static SubscriptionId parse(String text) {
		try {
			return new SubscriptionId(UUID.fromString(text));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new InvalidValueException("validation.subscription.unknown", "Not a subscription ID");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
