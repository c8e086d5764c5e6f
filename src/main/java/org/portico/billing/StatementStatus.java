package org.portico.billing;

/** Where a statement stands: open until its due date, paid once covered, past due after an unpaid due date. */
public enum StatementStatus {
	OPEN, PAID, PAST_DUE
}
