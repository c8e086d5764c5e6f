package org.portico.shared;

import java.util.Locale;

/** The languages Portico speaks to customers: US English and US Spanish. */
public enum Language {

	EN_US("en-US"), ES_US("es-US");

	private final String tag;

	private final Locale locale;

	Language(String tag) {
		this.tag = tag;
		this.locale = Locale.forLanguageTag(tag);
	}

	public String tag() {
		return tag;
	}

	public Locale locale() {
		return locale;
	}

	public static Language fromTag(String tag) {
		for (Language language : values()) {
			if (language.tag.equalsIgnoreCase(tag)) {
				return language;
			}
		}
		throw new InvalidValueException("validation.language.invalid", "Unsupported language");
	}

	public static Language of(Locale locale) {
		return "es".equals(locale.getLanguage()) ? ES_US : EN_US;
	}
}
