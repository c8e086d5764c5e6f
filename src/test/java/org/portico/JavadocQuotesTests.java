package org.portico;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spring Modulith's documentation writer parses the Javadoc index with a simple JSON parser that breaks
 * on escaped double quotes, which makes ModularityTests fail with an obscure message. This test names
 * the Javadoc comment instead: use typographic quotes (“ ”) in Javadoc.
 */
class JavadocQuotesTests {

	private static final Pattern JAVADOC = Pattern.compile("(?m)^\\s*/\\*\\*.*?\\*/", Pattern.DOTALL);

	@Test
	void javadocUsesTypographicQuotes() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				var matcher = JAVADOC.matcher(Files.readString(file));
				while (matcher.find()) {
					if (matcher.group().contains("\"")) {
						offenders.add(file + ": " + matcher.group().lines().filter(l -> l.contains("\"")).findFirst().orElse(""));
					}
				}
			}
		}
		assertThat(offenders).as("Javadoc with straight double quotes (use “ ”)").isEmpty();
	}
}
