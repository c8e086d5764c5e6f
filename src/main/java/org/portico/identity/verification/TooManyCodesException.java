package org.portico.identity.verification;

import java.time.Instant;

/** More codes or links asked for than DECISIONS.md allows (3 per 15 minutes, 10 per day, per account and purpose). */
public class TooManyCodesException extends RuntimeException {

	private final Instant retryAfter;

	public TooManyCodesException(Instant retryAfter) {
		super("Too many codes asked for; next one after " + retryAfter);
		this.retryAfter = retryAfter;
	}

	public Instant retryAfter() {
		return retryAfter;
	}
}
