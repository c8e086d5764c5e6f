package org.portico.identity.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import me.gosimple.nbvcxz.Nbvcxz;
import org.jspecify.annotations.Nullable;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.DictionaryUtil;
import me.gosimple.nbvcxz.scoring.Result;
import me.gosimple.nbvcxz.scoring.TimeEstimate;

/**
 * nbvcxz behind one small interface: the offline common and breached password lists (nbvcxz's own
 * ranked dictionary of 100,000 passwords plus the bundled top-10,000 list {@code common-passwords.txt},
 * an operator-replaceable resource) and strength estimates in plain words, in English or Spanish. Never
 * logs or keeps a password.
 */
public final class PasswordEstimator {

	/** The attack the meter's “time to crack” assumes: a stolen database of Argon2id hashes. */
	static final String ATTACK = "OFFLINE_ARGON2_ID";

	static final String BUNDLED_LIST = "/org/portico/identity/password/common-passwords.txt";

	private static final Set<String> COMMON = loadCommon();

	private final Map<String, Nbvcxz> byLanguage = new ConcurrentHashMap<>();

	/** Whether the password (any case) is on one of the offline common or breached lists. */
	public boolean isCommon(String password) {
		return COMMON.contains(password.toLowerCase(Locale.ROOT));
	}

	/** nbvcxz's estimate, with its feedback in {@code locale}'s language (English unless Spanish). */
	public Estimate estimate(String password, Locale locale) {
		String language = "es".equals(locale.getLanguage()) ? "es" : "en";
		Nbvcxz nbvcxz = byLanguage.computeIfAbsent(language, l -> new Nbvcxz(
				new ConfigurationBuilder().setLocale(Locale.forLanguageTag(l)).setMaxLength(256).createConfiguration()));
		Result result = nbvcxz.estimate(password);
		var feedback = result.getFeedback();
		return new Estimate(result.getEntropy(), result.getBasicScore(), TimeEstimate.getTimeToCrackFormatted(result, ATTACK),
				feedback.getWarning(), List.copyOf(feedback.getSuggestion()));
	}

	/**
	 * An estimate: entropy in bits, a score from 0 (guessed at once) to 4 (very strong), the time an
	 * offline attacker would need, and nbvcxz's warning and suggestions (already translated).
	 */
	public record Estimate(double entropy, int score, String timeToCrack, @Nullable String warning, List<String> suggestions) {

		public Estimate {
			suggestions = List.copyOf(suggestions);
		}
	}

	private static Set<String> loadCommon() {
		Set<String> words = new HashSet<>(DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords).keySet().stream()
			.map(w -> w.toLowerCase(Locale.ROOT))
			.toList());
		try (var in = PasswordEstimator.class.getResourceAsStream(BUNDLED_LIST)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + BUNDLED_LIST);
			}
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(words);
	}
}
