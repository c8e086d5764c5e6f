package org.portico.payments.integration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in sandbox gateway ({@code portico.payments.sandbox.*}).
 *
 * @param publishableKey the public key its hosted fields send with each tokenisation (not a secret)
 * @param settleAfter how long a processing charge (a bank debit, the fails-later card) stays processing
 * @param timeout how long the times-out card keeps the caller waiting before the caller gives up
 * @param tokenLifetime how long a hosted-fields token may be used (once)
 */
@ConfigurationProperties("portico.payments.sandbox")
record SandboxProperties(@DefaultValue("pk_sandbox_portico") String publishableKey,
		@DefaultValue("PT1M") Duration settleAfter, @DefaultValue("PT10S") Duration timeout,
		@DefaultValue("PT15M") Duration tokenLifetime) {
}
