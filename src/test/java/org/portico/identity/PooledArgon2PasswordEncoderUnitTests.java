package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PooledArgon2PasswordEncoderUnitTests {

	private final PooledArgon2PasswordEncoder pooled = new PooledArgon2PasswordEncoder(256, 2, 1, 2);

	private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 256, 2);

	@Test
	void itsHashesVerifyWithSpringSecuritysEncoderAndTheOtherWayRound() {
		String ours = pooled.encode("correct horse battery");
		assertThat(ours).startsWith("$argon2id$v=19$m=256,t=2,p=1$");
		assertThat(spring.matches("correct horse battery", ours)).isTrue();
		assertThat(pooled.matches("correct horse battery", spring.encode("correct horse battery"))).isTrue();
	}

	@Test
	void aWrongPasswordDoesNotMatchEvenAfterTheMemoryWasReused() {
		String hash = pooled.encode("first password here");
		for (int i = 0; i < 5; i++) {
			assertThat(pooled.matches("first password here", hash)).isTrue();
			assertThat(pooled.matches("first password herE", hash)).isFalse();
		}
	}

	@Test
	void concurrentHashesDoNotShareMemory() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String password = "password number " + i;
				String hash = spring.encode(password);
				results.add(threads.submit(() -> pooled.matches(password, hash) && !pooled.matches(password + "x", hash)));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void somethingThatIsNotAnArgon2idHashNeverMatches() {
		assertThat(pooled.matches("x", null)).isFalse();
		assertThat(pooled.matches("x", "")).isFalse();
		assertThat(pooled.matches("x", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv")).isFalse();
		assertThat(pooled.matches("x", "$argon2i$v=19$m=256,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).isFalse();
		assertThat(pooled.matches("x", "$argon2id$v=19$m=abc,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g")).isFalse();
		assertThat(pooled.matches("x", "$argon2id$v=19$m=256,t=2,p=1$!!!$aGFzaGhhc2g")).isFalse();
	}

	@Test
	void weakerStoredHashesAskToBeUpgraded() {
		assertThat(pooled.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 128, 2).encode("p"))).isTrue();
		assertThat(pooled.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 256, 1).encode("p"))).isTrue();
		assertThat(pooled.upgradeEncoding(pooled.encode("p"))).isFalse();
	}
}
