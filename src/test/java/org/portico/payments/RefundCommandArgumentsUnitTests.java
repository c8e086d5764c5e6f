package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portico.payments.RefundCommand.Arguments;

/** The refund command's arguments: what it accepts and the errors it explains. */
class RefundCommandArgumentsUnitTests {

	@Test
	void readsEveryOption() {
		Arguments arguments = Arguments.parse(new String[] { "refund", "--receipt=P-2026-000123", "--amount=12.34",
				"--reason=Charged twice", "--operator=ana" });

		assertThat(arguments).isEqualTo(
				new Arguments("P-2026-000123", Optional.of(new BigDecimal("12.34")), "Charged twice", "ana"));
	}

	@Test
	void refundsAllThatIsLeftWithoutAnAmount() {
		Arguments arguments = Arguments.parse(new String[] { "refund", "--receipt=P-1", "--reason=Goodwill",
				"--operator=ana" });

		assertThat(arguments.amount()).isEmpty();
	}

	@Test
	void acceptsWholeAndOneDecimalAmounts() {
		assertThat(amount("12")).isEqualByComparingTo("12");
		assertThat(amount("0.5")).isEqualByComparingTo("0.50");
	}

	@Test
	void leavesSpringsOwnOptionsToSpring() {
		Arguments arguments = Arguments.parse(new String[] { "refund", "--spring.datasource.url=jdbc:postgresql://db/portico",
				"--receipt=P-1", "--reason=Goodwill", "--operator=ana", "--logging.level.root=warn" });

		assertThat(arguments.receipt()).isEqualTo("P-1");
	}

	@Test
	void refusesAmountsThatAreNotPositiveCents() {
		for (String amount : new String[] { "0", "0.00", "-5", "12.345", "12,34", "1e3", "$12", "", " ", "12." }) {
			assertThatThrownBy(() -> amount(amount)).as(amount).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("--amount");
		}
	}

	@Test
	void requiresReceiptReasonAndOperator() {
		assertThatThrownBy(() -> Arguments.parse(new String[] { "refund", "--reason=x", "--operator=ana" }))
			.hasMessage("--receipt is required");
		assertThatThrownBy(() -> Arguments.parse(new String[] { "refund", "--receipt=P-1", "--operator=ana" }))
			.hasMessage("--reason is required");
		assertThatThrownBy(() -> Arguments.parse(new String[] { "refund", "--receipt=P-1", "--reason=x" }))
			.hasMessage("--operator is required");
		assertThatThrownBy(() -> Arguments.parse(new String[] { "refund", "--receipt=P-1", "--reason=  ", "--operator=a" }))
			.hasMessage("--reason is required");
	}

	@Test
	void refusesUnknownRepeatedAndValuelessOptions() {
		assertThatThrownBy(() -> parse("--receipt=P-1", "--reason=x", "--operator=a", "--amout=5"))
			.hasMessage("unknown option --amout");
		assertThatThrownBy(() -> parse("--receipt=P-1", "--receipt=P-2", "--reason=x", "--operator=a"))
			.hasMessage("--receipt is given twice");
		assertThatThrownBy(() -> parse("--receipt", "P-1", "--reason=x", "--operator=a"))
			.hasMessageContaining("--receipt needs a value");
		assertThatThrownBy(() -> parse("--receipt=P-1", "extra", "--reason=x", "--operator=a"))
			.hasMessage("unexpected argument 'extra'");
	}

	@Test
	void keepsEqualsSignsInsideAValue() {
		assertThat(parse("--receipt=P-1", "--reason=a=b", "--operator=a").reason()).isEqualTo("a=b");
	}

	@Test
	void refusesOverlongReasonsAndOperators() {
		assertThatThrownBy(() -> parse("--receipt=P-1", "--reason=" + "x".repeat(501), "--operator=a"))
			.hasMessageContaining("--reason");
		assertThatThrownBy(() -> parse("--receipt=P-1", "--reason=x", "--operator=" + "a".repeat(101)))
			.hasMessageContaining("--operator");
	}

	private static Arguments parse(String... options) {
		String[] args = new String[options.length + 1];
		args[0] = "refund";
		System.arraycopy(options, 0, args, 1, options.length);
		return Arguments.parse(args);
	}

	private static BigDecimal amount(String amount) {
		return parse("--receipt=P-1", "--amount=" + amount, "--reason=x", "--operator=a").amount().orElseThrow();
	}
}
