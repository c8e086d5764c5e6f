package org.portico.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.portico.billing.StatementIssued;
import org.portico.billing.StatementsIssued;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * “Your statement is ready”: the account holder is told of each statement the billing run issued, with the
 * amount due, the due date and a link to the statement, once per statement however often the event is
 * replayed. The billing run publishes one event per batch of accounts; this listener runs after that
 * batch commits, on its own thread. A provider whose bill-presentment system announces statements itself
 * turns it off with {@code portico.notifications.statement-ready=false}.
 */
@Component
@ConditionalOnBooleanProperty(name = "portico.notifications.statement-ready", matchIfMissing = true)
class StatementReadyListener {

	private final NotificationManagement notifications;

	private final Clock clock;

	StatementReadyListener(NotificationManagement notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(StatementsIssued event) {
		LocalDate today = LocalDate.now(clock);
		for (StatementIssued statement : event.statements()) {
			// A statement already past its due date was issued late: the demo history is billed over past
			// dates, and a run after long downtime catches up months in order. Announcing those would ask
			// for payment by a date that is gone and send a burst of notices at once; the catch-up's latest
			// statement, which carries the whole balance forward and is still due, is the one announced.
			if (statement.dueDate().isBefore(today)) {
				continue;
			}
			notifications.send(Notification.of(Category.BILLING, "statement-ready",
					new Recipient.Customer(statement.holder()),
					Map.of("statementId", statement.statement().value().toString(), "accountNumber",
							statement.accountNumber().display(), "amountDue", statement.amountDue().formatted(),
							"dueDate", statement.dueDate(), "statementDate", statement.statementDate(), "paperless",
							statement.paperless()))
				.withDedupeKey("statement-ready:" + statement.statement().value()));
		}
	}
}
