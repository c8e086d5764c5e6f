package org.portico.identity;

/**
 * A sensitive action was asked for without the password in the last five minutes; pages answer with a
 * redirect to the re-authentication page, which comes back afterwards.
 */
public class ReauthenticationRequiredException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ReauthenticationRequiredException() {
		super("Re-authentication required");
	}
}
