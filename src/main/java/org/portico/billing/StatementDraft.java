package org.portico.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A statement worked out but not yet written: its lines and totals, the entries it posts to the ledger
 * and how far each subscription is billed afterwards.
 *
 * @param billedThrough per subscription whose billing state changes: the new date, or empty for “through
 *     the end of this cycle, like every running service”
 * @param ledgerWatermark the last ledger entry this statement accounts for
 */
record StatementDraft(BillingCycle cycle, LocalDate dueDate, long previousBalanceMinor, long paymentsAndCreditsMinor,
		long newChargesMinor, long taxesMinor, List<StatementLine> lines, List<Posting> postings,
		Map<UUID, Optional<LocalDate>> billedThrough, long ledgerWatermark) {

	long amountDueMinor() {
		return previousBalanceMinor + paymentsAndCreditsMinor + newChargesMinor + taxesMinor;
	}

	/** An entry the statement posts to the ledger. */
	record Posting(LedgerEntryType type, long amountMinor, org.portico.catalog.LocalizedText description,
			@Nullable String reference) {
	}
}
