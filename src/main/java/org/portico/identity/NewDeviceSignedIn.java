package org.portico.identity;

import org.jspecify.annotations.Nullable;

/**
 * Published when a login signs in from a device it never used before (and it had signed in elsewhere
 * already): the owner is told. Carries no secrets — the browser, its system and the approximate place
 * (each null when unknown), and {@code device}, a one-way fingerprint of the device cookie (never the
 * cookie) so the owner is told once per device.
 */
public record NewDeviceSignedIn(LoginId login, @Nullable String browser, @Nullable String system,
		@Nullable String place, String device) {
}
