package org.portico.notifications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of the notification centre. */
public record InAppNotice(MessageId id, Category category, String title, String text, Instant createdAt,
		@Nullable Instant readAt) {

	public boolean isUnread() {
		return readAt == null;
	}
}
