package org.portico.billing;

import java.time.LocalDate;
import org.portico.shared.Money;

/**
 * Where an account stands against its latest statement: what the statement asked for, what has come in
 * since (payments, credits, adjustments, net of refunds), and what is left of it.
 *
 * @param balance everything the account owes now, from the ledger (charges not billed yet included;
 *     negative for a credit)
 * @param remaining what is left of the statement's amount due (never below zero)
 */
public record AmountDue(StatementId statement, LocalDate statementDate, LocalDate dueDate, Money statementAmountDue,
		Money receivedSince, Money remaining, Money balance, StatementStatus status) {
}
