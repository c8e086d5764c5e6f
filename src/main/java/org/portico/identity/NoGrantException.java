package org.portico.identity;

/**
 * The current login holds no grant on the account it asked for. Answered as “not found”, so that a
 * customer cannot probe which accounts exist.
 */
public class NoGrantException extends RuntimeException {

	public NoGrantException() {
		super("No such account among the login's grants");
	}
}
