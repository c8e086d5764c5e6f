package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;

class PasswordPolicyUnitTests {

	static final PasswordPolicy policy = new PasswordPolicy();

	static final PasswordPolicy.PersonalDetails maria = new PasswordPolicy.PersonalDetails(
			List.of("María José", "Fernández"), "mjfernandez.home@example.test", "C12345678", List.of("400098765432"));

	List<String> reasons(String password) {
		return policy.check(password, maria).stream().map(PasswordPolicy.Violation::messageKey).toList();
	}

	/** A varied, unguessable password of exactly {@code length} characters. */
	static String varied(int length) {
		String alphabet = "kq7Zr pX2vM!nB9wT#yL4hG&jD6sF~cV";
		var out = new StringBuilder();
		for (int i = 0; out.length() < length; i++) {
			out.append(alphabet.charAt((i * 7 + i / 32) % alphabet.length()));
		}
		return out.toString();
	}

	@Test
	void tooShortIsRefusedWithTheMinimum() {
		assertThat(reasons("tr0ub4dor&3")).contains("identity.password.too-short");
		assertThat(policy.check("tr0ub4dor&3", maria).get(0).arguments()).containsExactly(12);
	}

	@Test
	void sixtyFourAndTwoHundredFiftySixAreAcceptedButNotMore() {
		assertThat(reasons(varied(64))).isEmpty();
		assertThat(reasons(varied(256))).isEmpty();
		assertThat(reasons(varied(257))).containsExactly("identity.password.too-long");
	}

	@Test
	void commonAndBreachedPasswordsAreRefused() {
		assertThat(reasons("qwerty123456")).containsExactly("identity.password.common");
		assertThat(reasons("1q2w3e4r5t6y")).containsExactly("identity.password.common");
		assertThat(reasons("PasswordPassword")).isNotEmpty();
		assertThat(reasons("aaaaaaaaaaaaaaaa")).containsExactly("identity.password.predictable");
	}

	@Test
	void personalDetailsAreRefusedWithTheirReason() {
		assertThat(reasons("blue-fernandez-sky-42")).containsExactly("identity.password.contains-name");
		assertThat(reasons("MariaJose loves tea")).containsExactly("identity.password.contains-name");
		assertThat(reasons("my mjfernandez.home box")).contains("identity.password.contains-email");
		assertThat(reasons("lantern 12345678 ocean")).containsExactly("identity.password.contains-customer-id");
		assertThat(reasons("acct 4000-9876-5432 ok!")).containsExactly("identity.password.contains-account-number");
	}

	@Test
	void unicodeAndSpacesAreAccepted() {
		assertThat(reasons("Mañana es otro día")).isEmpty();
		assertThat(reasons("пароль для дачи у реки")).isEmpty();
		assertThat(reasons("  spaces   are fine here  ")).isEmpty();
	}

	@Test
	void theDemoAndFixturePasswordsPass() {
		assertThat(reasons("riverbend-demo-2026")).isEmpty();
		assertThat(reasons(AccountFixtures.SECRET)).isEmpty();
	}
}
