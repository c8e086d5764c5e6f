package org.portico.shared;

/**
 * A value a person typed (or a caller passed) that does not make a valid domain value. Carries a message
 * key so forms can show the reason beside the field in the reader's language.
 */
public class InvalidValueException extends RuntimeException {

	private final String messageKey;

	public InvalidValueException(String messageKey, String detail) {
		super(detail);
		this.messageKey = messageKey;
	}

	/** Message bundle key, for example {@code validation.email.invalid}. */
	public String messageKey() {
		return messageKey;
	}
}
