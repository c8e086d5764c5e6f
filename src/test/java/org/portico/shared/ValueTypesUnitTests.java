package org.portico.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesUnitTests {

	@Test
	void luhnCheckDigitMatchesTheKnownExample() {
		// The textbook example: 7992739871 has check digit 3.
		assertThat(Luhn.checkDigit("7992739871")).isEqualTo(3);
		assertThat(Luhn.isValid("79927398713")).isTrue();
	}

	@Test
	void luhnCatchesEverySingleDigitTypo() {
		String valid = "4012888888881881";
		assertThat(Luhn.isValid(valid)).isTrue();
		for (int position = 0; position < valid.length(); position++) {
			for (char digit = '0'; digit <= '9'; digit++) {
				if (digit == valid.charAt(position)) {
					continue;
				}
				String typo = valid.substring(0, position) + digit + valid.substring(position + 1);
				assertThat(Luhn.isValid(typo)).as(typo).isFalse();
			}
		}
	}

	@Test
	void accountNumberIgnoresSpacesAndDashesAndDisplaysInGroupsOfFour() {
		var number = AccountNumber.parse(" 1234-5678 9012 ");
		assertThat(number.digits()).isEqualTo("123456789012");
		assertThat(number.display()).isEqualTo("1234 5678 9012");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "12AB56789012", "12345", "123456789012345678901" })
	void rejectsWhatCannotBeAnAccountNumber(String input) {
		assertThatThrownBy(() -> AccountNumber.parse(input)).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void rejectsOversizedAccountNumberInputWithoutParsingIt() {
		assertThatThrownBy(() -> AccountNumber.parse("1".repeat(10_000))).isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo("validation.account-number.invalid");
	}

	@Test
	void emailIsTrimmedAndItsDomainLowerCased() {
		assertThat(new EmailAddress("  Ana.Lopez@Example.COM ").value()).isEqualTo("Ana.Lopez@example.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ana", "ana@", "@example.com", "ana@example", "ana lopez@example.com", "ana@@example.com",
			"ana..lopez@example.com", "ana@-example.com" })
	void rejectsMalformedEmails(String input) {
		assertThatThrownBy(() -> new EmailAddress(input)).isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo("validation.email.invalid");
	}

	@Test
	void rejectsEmailsLongerThan254Characters() {
		String local = "a".repeat(64);
		String domain = ("b".repeat(60) + ".").repeat(4) + "com";
		assertThatThrownBy(() -> new EmailAddress(local + "@" + domain)).isInstanceOf(InvalidValueException.class);
	}

	@Test
	void emailIsMaskedInToStringSoThatLogsNeverCarryIt() {
		var email = new EmailAddress("ana.lopez@example.com");
		assertThat(email.toString()).isEqualTo("a••••@example.com").doesNotContain("lopez");
	}

	@ParameterizedTest
	@ValueSource(strings = { "(215) 555-0142", "215.555.0142", "+1 215 555 0142", "2155550142" })
	void parsesUsPhoneNumbersAsPeopleTypeThem(String input) {
		assertThat(PhoneNumber.parse(input).e164()).isEqualTo("+12155550142");
		assertThat(PhoneNumber.parse(input).display()).isEqualTo("(215) 555-0142");
	}

	@ParameterizedTest
	@ValueSource(strings = { "555-0142", "123", "(000) 555-0142", "phone", "+1 215 555 01420000" })
	void rejectsInvalidPhoneNumbers(String input) {
		assertThatThrownBy(() -> PhoneNumber.parse(input)).isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo("validation.phone.invalid");
	}

	@Test
	void phoneNumberIsMaskedInToString() {
		assertThat(PhoneNumber.parse("(215) 555-0142").toString()).isEqualTo("(•••) •••-••42");
	}

	@Test
	void postalAddressNormalisesStateAndAcceptsZipPlusFour() {
		var address = new PostalAddress(" 12 Main St ", "", "Springfield", "il", "62704-1234");
		assertThat(address.state()).isEqualTo("IL");
		assertThat(address.line2()).isNull();
		assertThat(address.zip5()).isEqualTo("62704");
		assertThat(address.singleLine()).isEqualTo("12 Main St, Springfield, IL 62704-1234");
	}

	@Test
	void postalAddressRejectsBadZipStateAndMissingOrOversizedLines() {
		assertKey(() -> new PostalAddress("12 Main St", null, "Springfield", "IL", "6270"), "validation.address.zip");
		assertKey(() -> new PostalAddress("12 Main St", null, "Springfield", "IL", "62704-12"),
				"validation.address.zip");
		assertKey(() -> new PostalAddress("12 Main St", null, "Springfield", "XX", "62704"), "validation.address.state");
		assertKey(() -> new PostalAddress(" ", null, "Springfield", "IL", "62704"), "validation.address.line1.required");
		assertKey(() -> new PostalAddress("x".repeat(101), null, "Springfield", "IL", "62704"),
				"validation.address.line1.too-long");
	}

	@Test
	void customerIdIsCaseInsensitiveAndValidated() {
		assertThat(new CustomerId("c12345678").value()).isEqualTo("C12345678");
		assertKey(() -> new CustomerId("1abc"), "validation.customer-id.invalid");
		assertKey(() -> new CustomerId("ab"), "validation.customer-id.invalid");
		assertKey(() -> new CustomerId("ana lopez"), "validation.customer-id.invalid");
	}

	@Test
	void moneyIsExactAndRoundsHalfEvenToTheCent() {
		assertThat(Money.usd("0.125").minorUnits()).isEqualTo(12);
		assertThat(Money.usd("0.135").minorUnits()).isEqualTo(14);
		assertThat(Money.usd("0.10").plus(Money.usd("0.20"))).isEqualTo(Money.usd("0.30"));
		assertThat(Money.ofMinor(123456, Money.USD).amount()).isEqualTo(new BigDecimal("1234.56"));
		assertThat(Money.ofMinor(123456, Money.USD).formatted()).isEqualTo("$1,234.56");
	}

	private static void assertKey(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOf(InvalidValueException.class)
			.extracting(e -> ((InvalidValueException) e).messageKey())
			.isEqualTo(key);
	}
}
