package org.portico.notifications;

import java.util.HashMap;
import java.util.Map;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.payments.AccountPastDue;
import org.portico.payments.AccountRestored;
import org.portico.payments.AccountSuspendedForNonPayment;
import org.portico.payments.PaymentRefunded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notices of dunning and refunds to the account holder: a past-due reminder (with what to pay and the day
 * the service is suspended if it stays unpaid), the suspension and the restoration (account notices, which
 * cannot be turned off), and a refund. Each goes out once however often its event is replayed.
 */
@Component
class DunningNoticesListener {

	private final NotificationManagement notifications;

	private final CustomerManagement customers;

	DunningNoticesListener(NotificationManagement notifications, CustomerManagement customers) {
		this.notifications = notifications;
		this.customers = customers;
	}

	@ApplicationModuleListener
	void on(AccountPastDue event) {
		send(event.account(), Category.BILLING, "past-due-reminder",
				Map.of("amount", event.amount().formatted(), "suspensionDate", event.suspensionDate()),
				event.pastDueSince() + ":" + event.daysPastDue());
	}

	@ApplicationModuleListener
	void on(AccountSuspendedForNonPayment event) {
		send(event.account(), Category.ACCOUNT, "account-suspended",
				Map.of("amount", event.amount().formatted(), "suspendedOn", event.suspendedOn()),
				event.suspendedOn().toString());
	}

	@ApplicationModuleListener
	void on(AccountRestored event) {
		send(event.account(), Category.ACCOUNT, "account-restored", Map.of(), event.restoredOn().toString());
	}

	@ApplicationModuleListener
	void on(PaymentRefunded event) {
		var parameters = new HashMap<String, Object>();
		parameters.put("amount", event.amount().formatted());
		parameters.put("receiptNumber", event.receiptNumber());
		parameters.put("kind", event.kind().name());
		if (event.last4() != null) {
			parameters.put("last4", event.last4());
		}
		send(event.account(), Category.PAYMENTS, "payment-refunded", parameters, event.refund().toString());
	}

	private void send(ServiceAccountId id, Category category, String template, Map<String, Object> parameters,
			String dedupe) {
		ServiceAccount account = customers.find(id).orElse(null);
		if (account == null) {
			return;
		}
		var all = new HashMap<>(parameters);
		all.put("accountNumber", account.number().display());
		notifications.send(Notification.of(category, template, new Recipient.Customer(account.holder().id()), all)
			.withDedupeKey(template + ":" + id + ":" + dedupe));
	}
}
