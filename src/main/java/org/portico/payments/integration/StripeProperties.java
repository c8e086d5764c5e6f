package org.portico.payments.integration;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Stripe account ({@code portico.payments.stripe.*}), read when {@code portico.payments.gateway=stripe}.
 *
 * @param apiBase the API's base address (a test points it at a local double)
 * @param secretKey the secret API key, {@code sk_live_…}, {@code sk_test_…} or a restricted {@code rk_…}:
 *     authenticates every server call; never logged, never shown ({@link #toString()} masks it)
 * @param publishableKey the publishable key, {@code pk_…}: public, handed to Stripe.js in the browser
 * @param connectTimeout how long to wait for a connection to the API
 * @param readTimeout how long to wait for an answer; past it the outcome is unknown and the same
 *     idempotency key asks again
 */
@ConfigurationProperties("portico.payments.stripe")
public record StripeProperties(@DefaultValue("https://api.stripe.com") URI apiBase, @Nullable String secretKey,
		@Nullable String publishableKey, @DefaultValue("PT5S") Duration connectTimeout,
		@DefaultValue("PT20S") Duration readTimeout) {

	/**
	 * Stops the start-up with a message naming the property when the settings cannot work: no secret key,
	 * no publishable key, or a secret key put where the browser would see it.
	 */
	void requireUsable() {
		if (secretKey == null || secretKey.isBlank()) {
			throw new IllegalStateException("portico.payments.gateway=stripe needs portico.payments.stripe.secret-key "
					+ "(the secret API key from the Stripe dashboard, sk_live_… or sk_test_…)");
		}
		if (publishableKey == null || publishableKey.isBlank()) {
			throw new IllegalStateException("portico.payments.gateway=stripe needs portico.payments.stripe.publishable-key "
					+ "(pk_live_… or pk_test_…), which Stripe.js uses in the browser");
		}
		if (!publishableKey.startsWith("pk_")) {
			// the publishable key is sent to every browser: a secret key there would be published
			throw new IllegalStateException(
					"portico.payments.stripe.publishable-key must be a publishable key (pk_…), not a secret key");
		}
		if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
			throw new IllegalStateException("portico.payments.stripe.connect-timeout and read-timeout must be positive");
		}
	}

	@Override
	public String toString() {
		return "StripeProperties[apiBase=" + apiBase + ", secretKey=" + mask(secretKey) + ", publishableKey="
				+ publishableKey + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
	}

	/** Keeps the non-secret kind prefix ({@code sk_live_}), enough to tell live from test keys. */
	static String mask(@Nullable String key) {
		if (key == null || key.isBlank()) {
			return "(none)";
		}
		int second = key.indexOf('_', key.indexOf('_') + 1);
		String prefix = second > 0 && second < 8 ? key.substring(0, second + 1) : "";
		return prefix + "****";
	}
}
