package org.portico.identity.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Answers that could tell whether an account or login exists (registration, recovery) all take the same
 * time: the response is held back until {@link #FLOOR} after the request began, whatever was found. Held
 * back asynchronously: no server thread sleeps while it waits.
 */
final class SteadyResponse {

	static final Duration FLOOR = Duration.ofMillis(350);

	private SteadyResponse() {
	}

	/** The current time, to pass to {@link #after} when the work is done. */
	static long start() {
		return System.nanoTime();
	}

	/** The result, completed {@link #FLOOR} after {@code startedNanos} (at once if that has passed). */
	static <T> CompletableFuture<T> after(long startedNanos, T result) {
		long remaining = FLOOR.toNanos() - (System.nanoTime() - startedNanos);
		if (remaining <= 0) {
			return CompletableFuture.completedFuture(result);
		}
		return CompletableFuture.supplyAsync(() -> result,
				CompletableFuture.delayedExecutor(remaining, TimeUnit.NANOSECONDS));
	}
}
