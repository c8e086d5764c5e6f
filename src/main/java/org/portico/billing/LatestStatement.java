package org.portico.billing;

import org.jspecify.annotations.Nullable;

/**
 * An account's latest statement as a home page sums it up, read in one go: the statement, what changed
 * since the one before, where the account stands against it, and the statement before it (whose due date
 * may still be the one that counts for “past due” until the latest one falls due).
 *
 * @param previous the statement issued just before, with where it stands today; null for a first statement
 */
public record LatestStatement(Statement statement, StatementChanges changes, AmountDue amountDue,
		@Nullable StatementSummary previous) {
}
