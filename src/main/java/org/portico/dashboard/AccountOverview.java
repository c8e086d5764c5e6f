package org.portico.dashboard;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One account's tiles as the projection stores them (JSON in dashboard.account_overview): what the other
 * modules' façades said at the last refresh. Dates are kept rather than verdicts (past due, due in N days),
 * which {@link DashboardView} works out for the day the page is shown. Amounts are minor units of
 * {@code currency}.
 *
 * @param status the account's status (customer's AccountStatus)
 * @param statement the latest statement; null before the first
 * @param previous the statement before it, when there is one: its due date may still be the one that
 *     counts for “past due” until the latest falls due
 * @param pendingMinor payments submitted and still processing
 * @param suspendedForNonPayment whether dunning suspended the account (not an agent, for another reason)
 */
record AccountOverview(String holderName, String accountNumber, String serviceAddress, String status,
		String currency, @Nullable StatementTile statement, @Nullable Unpaid previous, long pendingMinor,
		@Nullable LastPayment lastPayment, boolean suspendedForNonPayment, List<ServiceTile> services) {

	AccountOverview {
		services = List.copyOf(services);
	}

	/**
	 * The latest statement.
	 *
	 * @param remainingMinor what is left of its amount due after payments and credits since (no pending ones)
	 * @param unpaid when not covered: what is past due, and since when, once its due date has passed
	 * @param changes “what changed” since the statement before, as message keys and arguments per language
	 */
	record StatementTile(String id, LocalDate date, LocalDate dueDate, long amountDueMinor, long remainingMinor,
			@Nullable Unpaid unpaid, long previousChargesMinor, long currentChargesMinor, boolean first,
			List<ChangeLine> changes) {

		StatementTile {
			changes = List.copyOf(changes);
		}
	}

	/**
	 * A statement not (fully) paid: what billing reports past due the day after its due date.
	 *
	 * @param pastDueMinor what is left unpaid (a balance-forward statement includes unpaid earlier ones)
	 * @param since the first day past due of the unbroken run of unpaid statements it ends
	 */
	record Unpaid(LocalDate dueDate, long pastDueMinor, LocalDate since) {
	}

	/** One “what changed” line: billing's message key, its arguments in each language, the signed amount. */
	record ChangeLine(String key, List<Object> argsEn, List<Object> argsEs, String amount, boolean increase) {

		ChangeLine {
			argsEn = List.copyOf(argsEn);
			argsEs = List.copyOf(argsEs);
		}
	}

	/** The newest payment, whatever became of it. */
	record LastPayment(String receiptNumber, long amountMinor, LocalDate submittedOn, String status) {
	}

	/**
	 * One service or piece of equipment, its status worked out on the day shown from its dates.
	 *
	 * @param kind the catalogue's OfferingKind
	 */
	record ServiceTile(String kind, String nameEn, String nameEs, LocalDate startedOn, @Nullable LocalDate endedOn,
			@Nullable LocalDate suspendedOn) {
	}
}
