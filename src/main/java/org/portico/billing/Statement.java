package org.portico.billing;

import java.time.LocalDate;
import java.util.List;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.AccountNumber;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.portico.shared.PostalAddress;

/**
 * A statement as issued: the cycle it bills in advance, the balance forward (previous balance, payments
 * and credits received, new charges, taxes, amount due), its lines and the names and addresses printed on
 * it, plus where it stands today.
 *
 * @param cycleEnd the first day of the next cycle (the next statement's date)
 * @param paymentsAndCredits received since the previous statement; zero or negative
 * @param language the language it was issued in (the account holder's)
 * @param paperless whether it went out by email only; paper statements go to the print export
 * @param billTo the billing address at the time of issue
 */
public record Statement(StatementId id, ServiceAccountId account, AccountNumber accountNumber, LocalDate cycleStart,
		LocalDate cycleEnd, LocalDate dueDate, Money previousBalance, Money paymentsAndCredits, Money newCharges,
		Money taxes, Money amountDue, Language language, boolean paperless, String holderName, PostalAddress billTo,
		PostalAddress serviceAddress, List<StatementLine> lines, StatementStatus status) {

	public Statement {
		lines = List.copyOf(lines);
	}

	/** The statement date: the first day of the cycle it bills. */
	public LocalDate statementDate() {
		return cycleStart;
	}

	/** The last day of the cycle it bills. */
	public LocalDate cycleThrough() {
		return cycleEnd.minusDays(1);
	}

	public List<StatementLine> lines(LineType type) {
		return lines.stream().filter(line -> line.type() == type).toList();
	}

	public Money amount(StatementLine line) {
		return Money.ofMinor(line.amountMinor(), amountDue.currency());
	}

	/**
	 * The length in days of the billing cycle a service line's days fall in: the “M” of “N of M days” of a
	 * prorated line (zero for lines without days). Each prorated line lies within one cycle, priced against
	 * that cycle's length.
	 */
	public long cycleDaysOf(StatementLine line) {
		if (line.from() == null) {
			return 0;
		}
		return BillingCycle.containing(line.from(), cycleStart.getDayOfMonth()).days();
	}
}
