package org.portico.payments.web;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Money;

/**
 * An amount as typed into “Other amount”: dollars and cents, with or without a dollar sign and thousands
 * separators. Anything else is refused with the message key that says why.
 */
final class PaymentAmount {

	private static final Pattern SHAPE = Pattern.compile("\\d{1,3}(,\\d{3})*(\\.\\d+)?|\\d+(\\.\\d+)?|\\.\\d+");

	private PaymentAmount() {
	}

	/** The parsed amount, or the key of the message that says what is wrong with the text. */
	record Parsed(@Nullable Money amount, @Nullable String errorKey) {
	}

	static Parsed parse(@Nullable String text, Currency currency) {
		if (text == null || text.isBlank()) {
			return new Parsed(null, "payments.amount.required");
		}
		String value = text.strip();
		if (value.startsWith("-")) {
			return new Parsed(null, "payments.amount.not-positive");
		}
		if (value.startsWith("$")) {
			value = value.substring(1).strip();
		}
		if (value.length() > 16 || !SHAPE.matcher(value).matches()) {
			return new Parsed(null, "payments.amount.not-a-number");
		}
		BigDecimal amount = new BigDecimal(value.replace(",", ""));
		if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
			return new Parsed(null, "payments.amount.too-precise");
		}
		if (amount.signum() <= 0) {
			return new Parsed(null, "payments.amount.not-positive");
		}
		return new Parsed(new Money(amount.setScale(currency.getDefaultFractionDigits()), currency), null);
	}
}
