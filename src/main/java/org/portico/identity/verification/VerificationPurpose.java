package org.portico.identity.verification;

import java.time.Duration;

/** What a code or link is for: one never works for another purpose. */
public enum VerificationPurpose {

	/** Registering an online login for an existing service account (a 6-digit code, by email or text). */
	REGISTRATION(Duration.ofMinutes(10)),

	/** Recovering a forgotten password: a code by text (10 minutes) or a link by email (1 hour). */
	PASSWORD_RESET_CODE(Duration.ofMinutes(10)),

	PASSWORD_RESET_LINK(Duration.ofHours(1)),

	/** Confirming a new sign-in email: a link to the new address. */
	EMAIL_CHANGE(Duration.ofHours(1)),

	/** Confirming a new phone number: a code by text to it. */
	PHONE_CHANGE(Duration.ofMinutes(10));

	private final Duration lifetime;

	VerificationPurpose(Duration lifetime) {
		this.lifetime = lifetime;
	}

	public Duration lifetime() {
		return lifetime;
	}
}
