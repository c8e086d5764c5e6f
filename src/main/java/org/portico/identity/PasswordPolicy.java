package org.portico.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.portico.identity.password.PasswordEstimator;
import org.springframework.stereotype.Component;

/**
 * What a password must be (NIST SP 800-63B): 12 to 256 characters of any kind (Unicode, spaces), no
 * composition rules; not common or breached (offline lists: nbvcxz's dictionaries and the bundled top
 * 10,000), not a predictable pattern, and not built from the customer's name, email, customer ID or
 * account number. {@link #check} says every reason a password is refused, each with a message key.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 256;

	/** Below this many bits nbvcxz finds the password to be a pattern (repeats, sequences, keyboard walks). */
	static final double MIN_ENTROPY_BITS = 25;

	/** Personal words shorter than this are not looked for inside a password (too many false matches). */
	static final int MIN_PERSONAL_WORD = 4;

	private final PasswordEstimator estimator;

	public PasswordPolicy() {
		this(new PasswordEstimator());
	}

	PasswordPolicy(PasswordEstimator estimator) {
		this.estimator = estimator;
	}

	/** Every reason {@code password} is refused for the customer {@code about}; empty when accepted. */
	public List<Violation> check(String password, PersonalDetails about) {
		List<Violation> violations = new ArrayList<>();
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			violations.add(new Violation("identity.password.too-short", MIN_LENGTH));
		}
		if (length > MAX_LENGTH) {
			violations.add(new Violation("identity.password.too-long", MAX_LENGTH));
			return violations;
		}
		if (estimator.isCommon(password) || estimator.isCommon(password.strip())) {
			violations.add(new Violation("identity.password.common"));
		}
		else if (length >= MIN_LENGTH && estimator.estimate(password, Locale.ROOT).entropy() < MIN_ENTROPY_BITS) {
			violations.add(new Violation("identity.password.predictable"));
		}
		String text = letters(password);
		String digits = password.replaceAll("\\D", "");
		if (containsAny(text, about.nameWords())) {
			violations.add(new Violation("identity.password.contains-name"));
		}
		if (containsAny(text, about.emailWords())) {
			violations.add(new Violation("identity.password.contains-email"));
		}
		if (about.customerId() != null && containsId(text, digits, about.customerId())) {
			violations.add(new Violation("identity.password.contains-customer-id"));
		}
		if (about.accountNumbers().stream().anyMatch(number -> containsId(text, digits, number))) {
			violations.add(new Violation("identity.password.contains-account-number"));
		}
		return violations;
	}

	/** The strength estimate the meter shows (never logged or kept). */
	public PasswordEstimator.Estimate estimate(String password, Locale locale) {
		return estimator.estimate(password.length() > MAX_LENGTH ? password.substring(0, MAX_LENGTH) : password, locale);
	}

	private static boolean containsAny(String text, Collection<String> words) {
		return words.stream().anyMatch(text::contains);
	}

	private static boolean containsId(String text, String digits, String id) {
		String normalized = letters(id);
		String idDigits = id.replaceAll("\\D", "");
		return (normalized.length() >= MIN_PERSONAL_WORD && text.contains(normalized))
				|| (idDigits.length() >= 6 && digits.contains(idDigits));
	}

	/** Lower case, accents removed, only letters and digits: “José-María” and “josemaria” match. */
	static String letters(String value) {
		String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

	/** A refusal: a message key (in the {@code identity.password} namespace) and its arguments. */
	public record Violation(String messageKey, List<Object> arguments) {

		public Violation(String messageKey, Object... arguments) {
			this(messageKey, List.of(arguments));
		}

		public Violation {
			arguments = List.copyOf(arguments);
		}
	}

	/** What a password must not be built from: the customer's names, email, customer ID, account numbers. */
	public record PersonalDetails(List<String> names, @Nullable String email, @Nullable String customerId,
			List<String> accountNumbers) {

		public PersonalDetails {
			names = List.copyOf(names);
			accountNumbers = List.copyOf(accountNumbers);
		}

		public static PersonalDetails none() {
			return new PersonalDetails(List.of(), null, null, List.of());
		}

		Set<String> nameWords() {
			Set<String> words = new LinkedHashSet<>();
			for (String name : names) {
				words.add(letters(name));
				for (String part : name.split("[\\s\\-'’.]+")) {
					words.add(letters(part));
				}
			}
			words.removeIf(w -> w.length() < MIN_PERSONAL_WORD);
			return words;
		}

		Set<String> emailWords() {
			Set<String> words = new LinkedHashSet<>();
			if (email != null) {
				String local = email.contains("@") ? email.substring(0, email.lastIndexOf('@')) : email;
				words.add(letters(local));
				for (String part : local.split("[._+\\-]+")) {
					words.add(letters(part));
				}
			}
			words.removeIf(w -> w.length() < MIN_PERSONAL_WORD);
			return words;
		}
	}
}
