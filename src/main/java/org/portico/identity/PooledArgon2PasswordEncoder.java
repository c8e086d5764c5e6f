package org.portico.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id (BouncyCastle, as Spring Security's {@code Argon2PasswordEncoder}, same PHC string
 * {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, so stored hashes of either verify with the other) that
 * reuses its working memory: Spring's encoder allocates m KiB (19 MiB in production) of fresh blocks for every
 * hash, and under a sign-in flood that garbage made the collector take CPU from the hashing itself
 * ({@code SignInBenchmark}). The pool keeps {@code concurrency × m} KiB and clears every block when it is
 * returned and again when it is handed out.
 */
final class PooledArgon2PasswordEncoder implements PasswordEncoder {

	private static final int SALT_LENGTH = 16;

	private static final int HASH_LENGTH = 32;

	private static final Base64.Encoder B64_ENCODER = Base64.getEncoder().withoutPadding();

	private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

	private final int memoryKib;

	private final int iterations;

	private final int parallelism;

	private final Argon2BytesGenerator.BlockPool pool;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param concurrency how many hashes may run at once (the bulkhead's permits): the pool holds their memory
	 */
	PooledArgon2PasswordEncoder(int memoryKib, int iterations, int parallelism, int concurrency) {
		this.memoryKib = memoryKib;
		this.iterations = iterations;
		this.parallelism = parallelism;
		this.pool = new Argon2BytesGenerator.FixedBlockPool(Math.multiplyExact(memoryKib, concurrency));
	}

	@Override
	public String encode(CharSequence rawPassword) {
		byte[] salt = new byte[SALT_LENGTH];
		random.nextBytes(salt);
		byte[] hash = hash(rawPassword, salt, memoryKib, iterations, parallelism, HASH_LENGTH);
		return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
				+ B64_ENCODER.encodeToString(salt) + "$" + B64_ENCODER.encodeToString(hash);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		Encoded stored = Encoded.parse(encodedPassword);
		if (stored == null) {
			return false;
		}
		byte[] actual = hash(rawPassword, stored.salt(), stored.memoryKib(), stored.iterations(), stored.parallelism(),
				stored.hash().length);
		return MessageDigest.isEqual(actual, stored.hash());
	}

	/** A hash made with less memory or fewer passes than configured now is re-hashed when its owner signs in. */
	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		Encoded stored = Encoded.parse(encodedPassword);
		return stored != null && (stored.memoryKib() < memoryKib || stored.iterations() < iterations);
	}

	private byte[] hash(CharSequence rawPassword, byte[] salt, int memory, int passes, int lanes, int length) {
		var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withSalt(salt)
			.withParallelism(lanes)
			.withMemoryAsKB(memory)
			.withIterations(passes)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withBlockPool(pool)
			.build();
		var generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] password = rawPassword.toString().getBytes(StandardCharsets.UTF_8);
		byte[] hash = new byte[length];
		try {
			generator.generateBytes(password, hash);
		}
		finally {
			Arrays.fill(password, (byte) 0);
		}
		return hash;
	}

	/** A stored Argon2id PHC string, or null when it is not one (another algorithm, corrupt). */
	record Encoded(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

		static Encoded parse(String encoded) {
			String[] parts = encoded.split("\\$");
			// "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
			if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
				return null;
			}
			try {
				int memory = -1;
				int passes = -1;
				int lanes = -1;
				for (String parameter : parts[3].split(",")) {
					if (parameter.startsWith("m=")) {
						memory = Integer.parseInt(parameter.substring(2));
					}
					else if (parameter.startsWith("t=")) {
						passes = Integer.parseInt(parameter.substring(2));
					}
					else if (parameter.startsWith("p=")) {
						lanes = Integer.parseInt(parameter.substring(2));
					}
				}
				byte[] salt = B64_DECODER.decode(parts[4]);
				byte[] hash = B64_DECODER.decode(parts[5]);
				if (memory < 8 || passes < 1 || lanes < 1 || salt.length < 8 || hash.length < 4) {
					return null;
				}
				return new Encoded(memory, passes, lanes, salt, hash);
			}
			catch (IllegalArgumentException e) {
				return null;
			}
		}
	}
}
