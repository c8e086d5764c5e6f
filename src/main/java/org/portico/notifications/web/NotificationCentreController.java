package org.portico.notifications.web;

import java.time.Clock;
import org.portico.identity.AccountAccess;
import org.portico.identity.CurrentLogin;
import org.portico.notifications.MessageId;
import org.portico.notifications.NotificationManagement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification centre: the signed-in login's in-app notices, newest first. Notices belong to a login,
 * not to an account, so being signed in is the only check; a notice of another login is “not found”.
 */
@Controller
class NotificationCentreController {

	private final AccountAccess access;

	private final NotificationManagement notifications;

	private final Clock clock;

	NotificationCentreController(AccountAccess access, NotificationManagement notifications, Clock clock) {
		this.access = access;
		this.notifications = notifications;
		this.clock = clock;
	}

	@GetMapping("/notifications")
	String centre(Model model) {
		CurrentLogin login = access.requireLogin();
		model.addAttribute("notices", notifications.notificationCentre(login.id()));
		model.addAttribute("zone", clock.getZone());
		return "notifications/web/centre";
	}

	@PostMapping("/notifications/{id}/read")
	String markRead(@PathVariable String id) {
		CurrentLogin login = access.requireLogin();
		if (!notifications.markRead(login.id(), MessageId.parse(id))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String markAllRead(RedirectAttributes redirect) {
		CurrentLogin login = access.requireLogin();
		notifications.markAllRead(login.id());
		redirect.addFlashAttribute("flashSuccess", "notifications.centre.all-read");
		return "redirect:/notifications";
	}
}
