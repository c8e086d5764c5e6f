package org.portico.notifications;

import java.util.HashMap;
import java.util.Map;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.payments.PaymentFailed;
import org.portico.payments.PaymentSettled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The receipt of a settled payment and the notice of a failed one, to the login that paid, once per
 * payment however often the event is replayed. A payment no login made is autopay's: its own notices
 * (autopay-paid, autopay-failed) say it, with the retry, so these are not sent for it.
 */
@Component
class PaymentNoticesListener {

	private final NotificationManagement notifications;

	private final CustomerManagement customers;

	PaymentNoticesListener(NotificationManagement notifications, CustomerManagement customers) {
		this.notifications = notifications;
		this.customers = customers;
	}

	@ApplicationModuleListener
	void on(PaymentSettled event) {
		if (event.payer() == null) {
			return;
		}
		ServiceAccount account = customers.find(event.account()).orElseThrow();
		Map<String, Object> parameters = method(event.kind().name(), event.brand(), event.last4());
		parameters.put("amount", event.amount().formatted());
		parameters.put("accountNumber", account.number().display());
		parameters.put("receiptNumber", event.receiptNumber());
		parameters.put("receivedOn", event.receivedOn());
		Recipient recipient = event.payer() != null ? new Recipient.Login(event.payer())
				: new Recipient.Customer(account.holder().id());
		notifications.send(Notification.of(Category.PAYMENTS, "payment-received", recipient, parameters)
			.withDedupeKey("payment-received:" + event.payment()));
	}

	@ApplicationModuleListener
	void on(PaymentFailed event) {
		if (event.payer() == null) {
			return;
		}
		ServiceAccount account = customers.find(event.account()).orElseThrow();
		Map<String, Object> parameters = method(event.kind().name(), event.brand(), event.last4());
		parameters.put("amount", event.amount().formatted());
		parameters.put("accountNumber", account.number().display());
		parameters.put("receiptNumber", event.receiptNumber());
		parameters.put("reason", event.reason());
		Recipient recipient = event.payer() != null ? new Recipient.Login(event.payer())
				: new Recipient.Customer(account.holder().id());
		notifications.send(Notification.of(Category.PAYMENTS, "payment-failed", recipient, parameters)
			.withDedupeKey("payment-failed:" + event.payment()));
	}

	private static Map<String, Object> method(String kind, @org.jspecify.annotations.Nullable String brand,
			@org.jspecify.annotations.Nullable String last4) {
		var parameters = new HashMap<String, Object>();
		parameters.put("kind", kind);
		parameters.put("brand", brand == null ? "card" : brand);
		parameters.put("last4", last4 == null ? "" : last4);
		return parameters;
	}
}
