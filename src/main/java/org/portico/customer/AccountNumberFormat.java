package org.portico.customer;

import java.math.BigInteger;
import org.portico.shared.AccountNumber;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Luhn;
import org.springframework.stereotype.Component;

/**
 * Validates and issues account numbers in the provider's format (by default 12 digits, the last a Luhn
 * check digit). New numbers come from a database sequence, scrambled by a fixed bijection so that
 * consecutive accounts do not get consecutive numbers and no two ever collide.
 */
@Component
public class AccountNumberFormat {

	// Multiplier coprime to 10: multiplying by it modulo 10^n permutes the n-digit numbers.
	private static final BigInteger SCRAMBLE = BigInteger.valueOf(7_919_046_391L);

	private static final BigInteger OFFSET = BigInteger.valueOf(3_141_592_653L);

	private final AccountNumberProperties properties;

	private final BigInteger space;

	private final int freeDigits;

	public AccountNumberFormat(AccountNumberProperties properties) {
		this.properties = properties;
		this.freeDigits = properties.length() - properties.prefix().length() - (properties.luhnCheckDigit() ? 1 : 0);
		this.space = BigInteger.TEN.pow(freeDigits);
	}

	/** Parses typed input and checks length, prefix and check digit; the message key says which failed. */
	public AccountNumber parse(String input) {
		AccountNumber number = AccountNumber.parse(input);
		String digits = number.digits();
		if (digits.length() != properties.length() || !digits.startsWith(properties.prefix())) {
			throw new InvalidValueException("validation.account-number.length", "Wrong number of digits");
		}
		if (properties.luhnCheckDigit() && !Luhn.isValid(digits)) {
			throw new InvalidValueException("validation.account-number.check-digit", "Check digit does not match");
		}
		return number;
	}

	public boolean isValid(String input) {
		try {
			parse(input);
			return true;
		}
		catch (InvalidValueException e) {
			return false;
		}
	}

	/** The account number for the {@code sequence}-th account (sequence ≥ 1). */
	AccountNumber issue(long sequence) {
		BigInteger scrambled = BigInteger.valueOf(sequence).multiply(SCRAMBLE).add(OFFSET).mod(space);
		String payload = properties.prefix() + String.format("%0" + freeDigits + "d", scrambled);
		return new AccountNumber(properties.luhnCheckDigit() ? payload + Luhn.checkDigit(payload) : payload);
	}
}
