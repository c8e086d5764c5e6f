package org.portico.catalog;

/** No offering has this code. */
public class UnknownOfferingException extends RuntimeException {

	private final OfferingCode code;

	public UnknownOfferingException(OfferingCode code) {
		super("No offering " + code);
		this.code = code;
	}

	public OfferingCode code() {
		return code;
	}
}
