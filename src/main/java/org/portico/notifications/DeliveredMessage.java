package org.portico.notifications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An email or SMS as the demo inbox shows it: what the customer received. */
public record DeliveredMessage(MessageId id, Channel channel, Category category, String address, String subject,
		String bodyText, @Nullable String bodyHtml, String status, Instant createdAt, @Nullable Instant sentAt) {
}
