package org.portico.notifications;

import java.util.Objects;
import java.util.UUID;
import org.portico.shared.InvalidValueException;

/** Identifies one message on one channel. */
public record MessageId(UUID value) {

	public MessageId {
		Objects.requireNonNull(value, "value");
	}

	public static MessageId parse(String text) {
		try {
			return new MessageId(UUID.fromString(text));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new InvalidValueException("notifications.message.unknown", "Not a message ID");
		}
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
