package org.portico.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount of money: never floating point. Stored as integer minor units plus an ISO currency;
 * arithmetic rounds HALF_EVEN to the currency's minor unit (the cent), per line.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public static final Currency USD = Currency.getInstance("USD");

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
	}

	public static Money ofMinor(long minorUnits, Currency currency) {
		return new Money(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()), currency);
	}

	public static Money usd(String amount) {
		return new Money(new BigDecimal(amount), USD);
	}

	public static Money zero(Currency currency) {
		return ofMinor(0, currency);
	}

	public long minorUnits() {
		return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.subtract(other.amount), currency);
	}

	public Money times(long factor) {
		return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	/** Amounts read {@code $1,234.56} in both en-US and es-US (DECISIONS.md), so the format is fixed. */
	public String formatted() {
		NumberFormat format = FORMATS.get();
		format.setCurrency(currency);
		return format.format(amount);
	}

	// NumberFormat is costly to create and not thread-safe: one per thread (statements format thousands)
	private static final ThreadLocal<NumberFormat> FORMATS = ThreadLocal
		.withInitial(() -> NumberFormat.getCurrencyInstance(Locale.US));

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount);
	}

	@Override
	public String toString() {
		return formatted();
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
		}
	}
}
