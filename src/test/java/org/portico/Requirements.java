package org.portico;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Parts a test needs from the machine. When one is missing the test is skipped with a loud reason — but
 * under {@code CI=true} a missing part fails the test, never a silent skip.
 */
public final class Requirements {

	private Requirements() {
	}

	/** Debian's Chromium: {@code PORTICO_CHROMIUM}, else the {@code chromium} found on the PATH. */
	public static Path chromium() {
		Optional<Path> found = Optional.ofNullable(System.getenv("PORTICO_CHROMIUM"))
			.filter(value -> !value.isBlank())
			.map(Path::of)
			.or(() -> onPath("chromium"))
			.or(() -> onPath("chromium-browser"))
			.filter(Files::isExecutable);
		if (found.isPresent()) {
			return found.get();
		}
		String reason = "Chromium not found: install Debian's chromium package or set PORTICO_CHROMIUM";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(reason + " (required under CI=true)");
		}
		System.err.println("SKIPPED — " + reason);
		Assumptions.abort(reason);
		throw new IllegalStateException(reason);
	}

	private static Optional<Path> onPath(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String directory : path.split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(directory, command);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}
}
