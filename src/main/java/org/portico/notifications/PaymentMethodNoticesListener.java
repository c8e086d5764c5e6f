package org.portico.notifications;

import java.util.Map;
import org.portico.customer.CustomerManagement;
import org.portico.payments.PaymentMethodExpiring;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * “Your saved card expires soon”: the account holder is told, by the payments category's channels, that a
 * card saved on their account expires at the end of a month and how to replace it. Once per card and
 * expiry, however often the event is replayed.
 */
@Component
class PaymentMethodNoticesListener {

	private final NotificationManagement notifications;

	private final CustomerManagement customers;

	PaymentMethodNoticesListener(NotificationManagement notifications, CustomerManagement customers) {
		this.notifications = notifications;
		this.customers = customers;
	}

	@ApplicationModuleListener
	void on(PaymentMethodExpiring event) {
		customers.find(event.account())
			.ifPresent(account -> notifications.send(Notification.of(Category.PAYMENTS, "card-expiring",
					new Recipient.Customer(account.holder().id()),
					Map.of("accountNumber", account.number().display(), "brand", event.brand(), "last4", event.last4(),
							"expiresOn", event.expires().atDay(1)))
				.withDedupeKey("card-expiring:" + event.method().value() + ":" + event.expires())));
	}
}
