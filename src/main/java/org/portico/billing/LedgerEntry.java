package org.portico.billing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.LocalizedText;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;

/**
 * One line of an account's ledger as the ledger page shows it.
 *
 * @param amount positive when it raises what the customer owes, negative in the customer's favour
 * @param balance the account's balance after this entry
 * @param statement the statement that posted it, or the one a late fee is for
 */
public record LedgerEntry(long id, ServiceAccountId account, LedgerEntryType type, Money amount, LocalDate effectiveOn,
		LocalizedText description, @Nullable StatementId statement, Money balance) {
}
