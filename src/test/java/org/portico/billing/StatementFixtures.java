package org.portico.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.portico.catalog.LocalizedText;
import org.portico.catalog.OfferingKind;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.AccountNumber;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.portico.shared.PostalAddress;

/**
 * Statements built in memory, line by line, for plain unit tests: a statement of a cycle starting on a
 * given day, with the totals added up from its lines as the billing run does.
 */
final class StatementFixtures {

	static final String INTERNET = "sub-internet";

	static final String TV = "sub-tv";

	static final String GATEWAY = "sub-gateway";

	private final LocalDate cycleStart;

	private final List<StatementLine> lines = new ArrayList<>();

	private long previousBalanceMinor;

	private StatementFixtures(LocalDate cycleStart) {
		this.cycleStart = cycleStart;
	}

	/** A statement of the cycle from {@code cycleStart} to the same day next month. */
	static StatementFixtures statement(LocalDate cycleStart) {
		return new StatementFixtures(cycleStart);
	}

	/** Internet 500 at $65.00, the Wi-Fi gateway at $15.00 and TV Select at $89.99, whole months. */
	static StatementFixtures regularMonth(LocalDate cycleStart) {
		return statement(cycleStart).monthly(INTERNET, "Internet 500", OfferingKind.INTERNET, "65.00")
			.monthly(GATEWAY, "Wi-Fi Gateway", OfferingKind.EQUIPMENT, "15.00")
			.monthly(TV, "TV Select", OfferingKind.TV, "89.99");
	}

	static LocalizedText text(String en) {
		return LocalizedText.of(en, en + " (es)");
	}

	StatementFixtures monthly(String subscription, String name, OfferingKind kind, String amount) {
		lines.add(new StatementLine(LineType.MONTHLY, text(name), cycleStart, cycleStart.plusMonths(1), minor(amount),
				kind, name.toUpperCase().replace(' ', '-'), subscription, null));
		return this;
	}

	StatementFixtures discount(String subscription, String promotion, OfferingKind kind, String amount) {
		lines.add(new StatementLine(LineType.DISCOUNT, text(promotion), cycleStart, cycleStart.plusMonths(1),
				-minor(amount), kind, null, subscription, null));
		return this;
	}

	StatementFixtures prorated(String subscription, String name, OfferingKind kind, LocalDate from, LocalDate to,
			String amount) {
		lines.add(new StatementLine(LineType.PRORATED, text(name), from, to, minor(amount), kind,
				name.toUpperCase().replace(' ', '-'), subscription, null));
		return this;
	}

	StatementFixtures proratedDiscount(String subscription, String promotion, OfferingKind kind, LocalDate from,
			LocalDate to, String amount) {
		lines.add(new StatementLine(LineType.PRORATED_DISCOUNT, text(promotion), from, to, minor(amount), kind, null,
				subscription, null));
		return this;
	}

	StatementFixtures entry(LineType type, String name, LocalDate on, String amount) {
		lines.add(new StatementLine(type, text(name), null, null, minor(amount), null, null, null, on));
		return this;
	}

	StatementFixtures tax(String name, String amount) {
		lines.add(new StatementLine(LineType.TAX, text(name), null, null, minor(amount), null, null, null, null));
		return this;
	}

	StatementFixtures previousBalance(String amount) {
		previousBalanceMinor = minor(amount);
		return this;
	}

	Statement build() {
		long payments = 0;
		long taxes = 0;
		long charges = 0;
		for (StatementLine line : lines) {
			if (line.type().isPaymentOrCredit()) {
				payments += line.amountMinor();
			}
			else if (line.type() == LineType.TAX) {
				taxes += line.amountMinor();
			}
			else {
				charges += line.amountMinor();
			}
		}
		var address = new PostalAddress("1 Walnut St", null, "Philadelphia", "PA", "19103");
		return new Statement(StatementId.random(), new ServiceAccountId(UUID.randomUUID()),
				new AccountNumber("585749173902"), cycleStart, cycleStart.plusMonths(1), cycleStart.plusDays(21),
				usd(previousBalanceMinor), usd(payments), usd(charges), usd(taxes),
				usd(previousBalanceMinor + payments + charges + taxes), Language.EN_US, false, "Test Holder", address,
				address, lines, StatementStatus.OPEN);
	}

	static long minor(String amount) {
		return Money.usd(amount).minorUnits();
	}

	static Money usd(long minor) {
		return Money.ofMinor(minor, Money.USD);
	}
}
