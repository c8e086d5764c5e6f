package org.portico.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of a login's security log, as its security activity page shows it. */
public record SecurityEvent(long id, SecurityEventType type, Instant occurredAt, @Nullable String sourceIp,
		@Nullable String userAgent, @Nullable String place, @Nullable String detail) {
}
