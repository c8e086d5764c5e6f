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

/** English and Spanish bundles have the same keys, and no message is left empty. */
class I18nBundlesTests {

	@Test
	void englishAndSpanishBundlesHaveTheSameKeys() throws IOException {
		Properties english = load("messages.properties");
		Properties spanish = load("messages_es.properties");
		Set<String> missingInSpanish = new TreeSet<>(english.stringPropertyNames());
		missingInSpanish.removeAll(spanish.stringPropertyNames());
		Set<String> missingInEnglish = new TreeSet<>(spanish.stringPropertyNames());
		missingInEnglish.removeAll(english.stringPropertyNames());
		assertThat(missingInSpanish).as("keys missing in messages_es.properties").isEmpty();
		assertThat(missingInEnglish).as("keys missing in messages.properties").isEmpty();
	}

	@Test
	void noMessageIsBlankAndNoneUsesAStraightApostropheWithArguments() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_es.properties" }) {
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
