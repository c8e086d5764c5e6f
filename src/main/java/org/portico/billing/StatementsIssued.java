package org.portico.billing;

import java.util.List;

/**
 * Published once per batch of the billing run (up to a few hundred statements), in the batch's
 * transaction: one event per batch rather than per statement keeps a 100,000-account run from writing
 * 100,000 event publications.
 */
public record StatementsIssued(List<StatementIssued> statements) {

	public StatementsIssued {
		statements = List.copyOf(statements);
	}
}
