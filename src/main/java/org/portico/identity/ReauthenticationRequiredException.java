package org.portico.identity;

/**
 * A sensitive action was asked for without the password in the last five minutes; pages answer with a
 * redirect to the re-authentication page, which comes back afterwards.
 */
public class ReauthenticationRequiredException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final @org.jspecify.annotations.Nullable String returnTo;

	public ReauthenticationRequiredException() {
		this(null);
	}

	/**
	 * @param returnTo the page to come back to afterwards (a path in this application), when it is not the
	 *     address of the request itself: a form that was posted cannot be replayed, its page is shown again
	 */
	public ReauthenticationRequiredException(@org.jspecify.annotations.Nullable String returnTo) {
		super("Re-authentication required");
		this.returnTo = returnTo;
	}

	/** Where to come back to, if not the request's own address. */
	public java.util.Optional<String> returnTo() {
		return java.util.Optional.ofNullable(returnTo);
	}
}
