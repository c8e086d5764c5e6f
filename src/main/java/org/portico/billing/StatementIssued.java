package org.portico.billing;

import java.time.LocalDate;
import org.portico.customer.PersonId;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.AccountNumber;
import org.portico.shared.Money;

/** One statement the billing run issued: what a “statement ready” notice needs. */
public record StatementIssued(StatementId statement, ServiceAccountId account, AccountNumber accountNumber,
		PersonId holder, LocalDate statementDate, Money amountDue, LocalDate dueDate, boolean paperless) {
}
