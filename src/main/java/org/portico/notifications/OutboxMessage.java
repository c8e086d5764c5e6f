package org.portico.notifications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Language;

/** One row of the outbox, as the delivery job handles it. */
record OutboxMessage(UUID id, Category category, String template, Channel channel, @Nullable UUID loginId,
		@Nullable UUID personId, @Nullable String address, Language language, String subject, String bodyText,
		@Nullable String bodyHtml, boolean containsSecret, boolean urgent, int attempts, Instant createdAt) {
}
