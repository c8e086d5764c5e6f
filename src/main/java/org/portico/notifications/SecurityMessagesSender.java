package org.portico.notifications;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.portico.identity.SecurityMessages;
import org.springframework.stereotype.Component;

/** Identity's codes, links and login notices, as security messages through the outbox. */
@Component
class SecurityMessagesSender implements SecurityMessages {

	private final NotificationManagement notifications;

	SecurityMessagesSender(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	@Override
	public void send(Destination to, String template, Map<String, Object> parameters, boolean secret,
			@Nullable String dedupeKey) {
		Recipient recipient;
		if (to instanceof ToEmail email) {
			recipient = new Recipient.Email(email.address(), email.language());
		}
		else if (to instanceof ToPhone phone) {
			recipient = new Recipient.Phone(phone.number(), phone.language());
		}
		else {
			recipient = new Recipient.Customer(((ToCustomer) to).person());
		}
		Notification notification = Notification.of(Category.SECURITY, template, recipient, parameters);
		if (secret) {
			notification = notification.secret();
		}
		if (dedupeKey != null) {
			notification = notification.withDedupeKey(dedupeKey);
		}
		notifications.send(notification);
	}
}
