package org.portico.billing;

import java.time.LocalDate;
import org.portico.customer.ServiceAccountId;

/**
 * A posting made outside the billing run (a payment received, a one-time charge, a credit, a refund) is
 * on the account's ledger: what the account owes, and what is left of its latest statement, may have
 * changed. Published once per posting, in its transaction; a posting repeated under the same reference
 * changes nothing and publishes nothing.
 */
public record LedgerPosted(ServiceAccountId account, LedgerEntryType type, LocalDate effectiveOn) {
}
