package org.portico.identity;

import java.util.concurrent.Semaphore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id password hashing (DECISIONS.md: m=19 MiB, t=2, p=1), also outside the web server (the
 * seeder), behind a bulkhead: at most {@code portico.identity.hashing-concurrency} hashes at once
 * (default: the number of cores), so that a flood of sign-ins queues for hashing instead of piling up
 * hashes that compete for the cores (and their memory) with each other and with the other pages.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

	@Bean
	PasswordEncoder passwordEncoder(IdentityProperties properties) {
		var argon2 = properties.argon2();
		int concurrency = properties.hashingConcurrency() > 0 ? properties.hashingConcurrency()
				: Runtime.getRuntime().availableProcessors();
		return new BulkheadPasswordEncoder(new PooledArgon2PasswordEncoder(argon2.memoryKib(), argon2.iterations(),
				argon2.parallelism(), concurrency), concurrency);
	}

	/** Limits how many hashes run at once; callers beyond that wait their turn (no CPU while waiting). */
	static final class BulkheadPasswordEncoder implements PasswordEncoder {

		private final PasswordEncoder delegate;

		private final Semaphore permits;

		BulkheadPasswordEncoder(PasswordEncoder delegate, int concurrency) {
			this.delegate = delegate;
			this.permits = new Semaphore(concurrency, true);
		}

		@Override
		public String encode(CharSequence rawPassword) {
			permits.acquireUninterruptibly();
			try {
				return delegate.encode(rawPassword);
			}
			finally {
				permits.release();
			}
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			permits.acquireUninterruptibly();
			try {
				return delegate.matches(rawPassword, encodedPassword);
			}
			finally {
				permits.release();
			}
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return delegate.upgradeEncoding(encodedPassword);
		}
	}
}
