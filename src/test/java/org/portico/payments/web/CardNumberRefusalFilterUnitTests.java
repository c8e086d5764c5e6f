package org.portico.payments.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as a card number: 13 to 19 digits, spaces and dashes aside, passing the Luhn check. */
class CardNumberRefusalFilterUnitTests {

	@Test
	void recognisesCardNumbersAsPeopleTypeThem() {
		assertThat(CardNumberRefusalFilter.isCardNumber("4242424242424242")).isTrue();
		assertThat(CardNumberRefusalFilter.isCardNumber("4242 4242 4242 4242")).isTrue();
		assertThat(CardNumberRefusalFilter.isCardNumber(" 5555-5555-5555-4444 ")).isTrue();
		assertThat(CardNumberRefusalFilter.isCardNumber("3782 822463 10005")).as("amex, 15 digits").isTrue();
		assertThat(CardNumberRefusalFilter.isCardNumber("4222222222222")).as("13 digits").isTrue();
		assertThat(CardNumberRefusalFilter.isCardNumber("6011111111111117")).isTrue();
		assertThat(CardNumberRefusalFilter.isCardNumber("4242\u00a04242\u00a04242\u00a04242")).as("no-break spaces").isTrue();
	}

	@Test
	void leavesOtherValuesAlone() {
		assertThat(CardNumberRefusalFilter.isCardNumber(null)).isFalse();
		assertThat(CardNumberRefusalFilter.isCardNumber("")).isFalse();
		assertThat(CardNumberRefusalFilter.isCardNumber("4242424242424241")).as("fails Luhn").isFalse();
		assertThat(CardNumberRefusalFilter.isCardNumber("1234 5678 9012")).as("a 12-digit account number").isFalse();
		assertThat(CardNumberRefusalFilter.isCardNumber("42424242424242420")).as("17 digits failing Luhn").isFalse();
		assertThat(CardNumberRefusalFilter.isCardNumber("42424242424242424242")).as("20 digits").isFalse();
		assertThat(CardNumberRefusalFilter.isCardNumber("4242-4242-4242-4242x")).as("not only digits").isFalse();
		assertThat(CardNumberRefusalFilter.isCardNumber("tok_sbx_4242424242424242")).isFalse();
		assertThat(CardNumberRefusalFilter.isCardNumber("0000000000000")).as("13 zeros pass Luhn").isTrue();
		assertThat(CardNumberRefusalFilter.isCardNumber(" ".repeat(100_000))).isFalse();
	}
}
