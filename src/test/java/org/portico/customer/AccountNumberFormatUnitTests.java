package org.portico.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Luhn;

class AccountNumberFormatUnitTests {

	private final AccountNumberFormat format = new AccountNumberFormat(new AccountNumberProperties(12, "", true));

	@Test
	void issuesTwelveDigitNumbersWithAValidLuhnCheckDigit() {
		for (long sequence = 1; sequence <= 1000; sequence++) {
			String digits = format.issue(sequence).digits();
			assertThat(digits).hasSize(12);
			assertThat(Luhn.isValid(digits)).as(digits).isTrue();
			assertThat(format.isValid(digits)).isTrue();
		}
	}

	@Test
	void neverIssuesTheSameNumberTwiceAndConsecutiveAccountsLookUnrelated() {
		var seen = new HashSet<String>();
		for (long sequence = 1; sequence <= 100_000; sequence++) {
			assertThat(seen.add(format.issue(sequence).digits())).isTrue();
		}
		String first = format.issue(1).digits();
		String second = format.issue(2).digits();
		assertThat(first.substring(0, 8)).isNotEqualTo(second.substring(0, 8));
	}

	@Test
	void rejectsAWrongCheckDigitWithItsOwnMessage() {
		String valid = format.issue(42).digits();
		char last = valid.charAt(11);
		String typo = valid.substring(0, 11) + (char) (last == '9' ? '0' : last + 1);
		assertThatThrownBy(() -> format.parse(typo)).isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo("validation.account-number.check-digit");
	}

	@Test
	void rejectsTheWrongLength() {
		assertThatThrownBy(() -> format.parse("12345678901")).isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo("validation.account-number.length");
	}

	@Test
	void honoursAConfiguredPrefixAndLengthWithoutCheckDigit() {
		var legacy = new AccountNumberFormat(new AccountNumberProperties(10, "07", false));
		String digits = legacy.issue(5).digits();
		assertThat(digits).hasSize(10).startsWith("07");
		assertThat(legacy.isValid(digits)).isTrue();
		assertThat(legacy.isValid("0812345678")).isFalse();
	}

	@Test
	void refusesAnImpossibleConfiguration() {
		assertThatThrownBy(() -> new AccountNumberProperties(4, "", true)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AccountNumberProperties(12, "12345678", true))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
