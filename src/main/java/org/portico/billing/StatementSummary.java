package org.portico.billing;

import java.time.LocalDate;
import org.portico.shared.Money;

/** A row of the statements list. */
public record StatementSummary(StatementId id, LocalDate cycleStart, LocalDate cycleEnd, LocalDate dueDate,
		Money amountDue, StatementStatus status, boolean paperless) {

	public LocalDate statementDate() {
		return cycleStart;
	}

	public LocalDate cycleThrough() {
		return cycleEnd.minusDays(1);
	}
}
