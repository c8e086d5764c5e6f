package org.portico.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider's account-number format, for providers migrating existing numbers.
 *
 * @param length total digits including the check digit (6–20)
 * @param prefix leading digits every number shares (may be empty)
 * @param luhnCheckDigit whether the last digit is a Luhn check digit
 */
@ConfigurationProperties("portico.customer.account-number")
public record AccountNumberProperties(@DefaultValue("12") int length, @DefaultValue("") String prefix,
		@DefaultValue("true") boolean luhnCheckDigit) {

	public AccountNumberProperties {
		if (length < 6 || length > 20) {
			throw new IllegalArgumentException("portico.customer.account-number.length must be 6 to 20, was " + length);
		}
		if (!prefix.matches("\\d*") || prefix.length() > length - 5) {
			throw new IllegalArgumentException(
					"portico.customer.account-number.prefix must be digits leaving at least 4 free digits, was '" + prefix + "'");
		}
	}
}
