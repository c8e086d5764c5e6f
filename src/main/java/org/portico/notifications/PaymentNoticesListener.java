package org.portico.notifications;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.payments.PaymentFailed;
import org.portico.payments.PaymentId;
import org.portico.payments.PaymentSettled;
import org.portico.shared.Money;
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
		if (event.payer() != null) {
			send("payment-received", event.payment(), event.account(), event.payer(), event.amount(), event.receiptNumber(),
					event.kind().name(), event.brand(), event.last4(), Map.of("receivedOn", event.receivedOn()));
		}
	}

	@ApplicationModuleListener
	void on(PaymentFailed event) {
		if (event.payer() != null) {
			send("payment-failed", event.payment(), event.account(), event.payer(), event.amount(), event.receiptNumber(),
					event.kind().name(), event.brand(), event.last4(), Map.of("reason", event.reason()));
		}
	}

	/** To the login that paid (autopay's payments, with no payer, send their own notices). */
	private void send(String template, PaymentId payment, ServiceAccountId accountId, LoginId payer, Money amount,
			String receiptNumber, String kind, @Nullable String brand, @Nullable String last4, Map<String, Object> more) {
		ServiceAccount account = customers.find(accountId).orElseThrow();
		var parameters = new HashMap<String, Object>(more);
		parameters.put("kind", kind);
		parameters.put("brand", brand == null ? "card" : brand);
		parameters.put("last4", last4 == null ? "" : last4);
		parameters.put("amount", amount.formatted());
		parameters.put("accountNumber", account.number().display());
		parameters.put("receiptNumber", receiptNumber);
		notifications.send(Notification.of(Category.PAYMENTS, template, new Recipient.Login(payer), parameters)
			.withDedupeKey(template + ":" + payment));
	}
}
