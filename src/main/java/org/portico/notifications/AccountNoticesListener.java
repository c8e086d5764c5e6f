package org.portico.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import org.portico.identity.LoginCreated;
import org.portico.identity.LoginLocked;
import org.portico.identity.NewDeviceSignedIn;
import org.portico.identity.PasswordChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notices other modules' events call for. An online login created: the address of record is told (FCC
 * CPNI), once however often the event is replayed. A sign-in from a new device: the login is told (browser,
 * approximate place, what to do if it wasn't them), once per device.
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

	@ApplicationModuleListener
	void on(NewDeviceSignedIn event) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		if (event.browser() != null) {
			parameters.put("browser", event.browser());
		}
		if (event.system() != null) {
			parameters.put("system", event.system());
		}
		if (event.place() != null) {
			parameters.put("place", event.place());
		}
		notifications.send(Notification.of(Category.SECURITY, "new-device", new Recipient.Login(event.login()), parameters)
			.withDedupeKey("new-device:" + event.login() + ":" + event.device()));
	}

	/** A login locked after many failed sign-ins: its owner is told, once per lock. */
	@ApplicationModuleListener
	void on(LoginLocked event) {
		notifications.send(Notification.of(Category.SECURITY, "login-locked", new Recipient.Login(event.login()),
				Map.of()).withDedupeKey("login-locked:" + event.login() + ":" + event.until().toEpochMilli()));
	}

	/** A password changed: the address of record is told (FCC CPNI), once per change. */
	@ApplicationModuleListener
	void on(PasswordChanged event) {
		notifications.send(Notification.of(Category.SECURITY, "password-changed", new Recipient.Customer(event.person()),
				Map.of()).withDedupeKey("password-changed:" + event.login() + ":" + event.changedAt().toEpochMilli()));
	}
}
