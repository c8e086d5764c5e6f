package org.portico.identity.session;

import java.io.Serial;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What a session remembers about the client that signed in with it, so the sessions page can name the
 * device and place: the address and the User-Agent (truncated). Never a password, token or code.
 */
public record SessionClient(@Nullable String ip, @Nullable String userAgent) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The session attribute holding it. */
	public static final String ATTRIBUTE = "portico.sessionClient";
}
