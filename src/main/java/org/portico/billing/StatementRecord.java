package org.portico.billing;

import java.time.LocalDate;
import java.util.List;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.AccountNumber;
import org.portico.shared.Language;
import org.portico.shared.PostalAddress;

/** A statement row as stored, amounts in minor units. */
record StatementRecord(StatementId id, ServiceAccountId account, AccountNumber accountNumber, LocalDate cycleStart,
		LocalDate cycleEnd, LocalDate dueDate, long previousBalanceMinor, long paymentsAndCreditsMinor,
		long newChargesMinor, long taxesMinor, long amountDueMinor, java.util.Currency currency, Language language,
		boolean paperless, String holderName, PostalAddress billTo, PostalAddress serviceAddress,
		List<StatementLine> lines, long ledgerWatermark) {
}
