package org.portico.notifications;

import java.util.Map;
import org.portico.identity.LoginCreated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notices other modules' events call for. An online login created: the address of record is told (FCC
 * CPNI), once however often the event is replayed.
 */
@Component
class AccountNoticesListener {

	private final NotificationManagement notifications;

	AccountNoticesListener(NotificationManagement notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(LoginCreated event) {
		notifications.send(Notification.of(Category.ACCOUNT, "login-created", new Recipient.Customer(event.person()),
				Map.of()).withDedupeKey("login-created:" + event.login()));
	}
}
