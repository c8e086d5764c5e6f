package org.portico.identity;

import org.jspecify.annotations.Nullable;

/**
 * Published when a login signs in from a device it never used before (and it had signed in elsewhere
 * already): the owner is told. Carries no secrets — the browser and approximate place only.
 */
public record NewDeviceSignedIn(LoginId login, @Nullable String browser, @Nullable String place) {
}
