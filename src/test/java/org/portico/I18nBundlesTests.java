package org.portico;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** English and Spanish bundles have the same keys, and no message is left empty (every bundle of spring.messages.basename). */
class I18nBundlesTests {

	private static final String[] BASE_NAMES = { "messages", "messages-registration", "messages-profile", "messages-billing",
			"messages-billing-documents", "messages-payments", "messages-payment-methods",
			"messages-dunning", "messages-autopay", "messages-dashboard" };

	@Test
	void englishAndSpanishBundlesHaveTheSameKeys() throws IOException {
		for (String base : BASE_NAMES) {
			Properties english = load(base + ".properties");
			Properties spanish = load(base + "_es.properties");
			Set<String> missingInSpanish = new TreeSet<>(english.stringPropertyNames());
			missingInSpanish.removeAll(spanish.stringPropertyNames());
			Set<String> missingInEnglish = new TreeSet<>(spanish.stringPropertyNames());
			missingInEnglish.removeAll(english.stringPropertyNames());
			assertThat(missingInSpanish).as("keys missing in " + base + "_es.properties").isEmpty();
			assertThat(missingInEnglish).as("keys missing in " + base + ".properties").isEmpty();
		}
	}

	@Test
	void noMessageIsBlankAndNoneUsesAStraightApostropheWithArguments() throws IOException {
		for (String bundle : java.util.Arrays.stream(BASE_NAMES)
			.flatMap(base -> java.util.stream.Stream.of(base + ".properties", base + "_es.properties"))
			.toList()) {
			Properties messages = load(bundle);
			for (String key : messages.stringPropertyNames()) {
				String value = messages.getProperty(key);
				assertThat(value).as(bundle + " " + key).isNotBlank();
				// MessageFormat swallows a lone ' in messages with arguments: use ’ instead.
				if (value.contains("{0")) {
					assertThat(value).as(bundle + " " + key).doesNotContain("'");
				}
			}
		}
	}

	private static Properties load(String name) throws IOException {
		var properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
