package org.portico.identity;

/** The current login may not do this on that account (or is not signed in). */
public class AccountAccessDeniedException extends RuntimeException {

	public AccountAccessDeniedException(String message) {
		super(message);
	}
}
