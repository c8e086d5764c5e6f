package org.portico.identity;

import java.time.Instant;

/**
 * Published when a login is locked after too many failed sign-ins across sources (DECISIONS.md “Security
 * mechanics”): the owner is told. The login unlocks by itself at {@code until}; devices it signed in
 * from before are not locked out.
 */
public record LoginLocked(LoginId login, Instant until) {
}
