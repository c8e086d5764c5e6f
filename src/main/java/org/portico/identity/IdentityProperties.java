package org.portico.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings.
 *
 * @param argon2 password hashing cost (DECISIONS.md: Argon2id m=19 MiB, t=2, p=1; tests use less)
 * @param hashingConcurrency how many password hashes may run at once; 0 means one less than the cores
 *     (at least one), which leaves a core to the other pages during a sign-in flood
 */
@ConfigurationProperties("portico.identity")
public record IdentityProperties(@DefaultValue Argon2 argon2, @DefaultValue("0") int hashingConcurrency) {

	/** Argon2id parameters. */
	public record Argon2(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations,
			@DefaultValue("1") int parallelism) {
	}
}
