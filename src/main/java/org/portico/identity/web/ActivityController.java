package org.portico.identity.web;

import java.time.Clock;
import org.portico.identity.AccountAccess;
import org.portico.identity.CurrentLogin;
import org.portico.identity.SecurityActivity;
import org.portico.identity.SecurityEvent;
import org.portico.identity.session.UserAgents;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in login's security activity: its latest security events, newest first. */
@Controller
class ActivityController {

	private static final int SHOWN = 100;

	private final AccountAccess access;

	private final SecurityActivity activity;

	private final Clock clock;

	ActivityController(AccountAccess access, SecurityActivity activity, Clock clock) {
		this.access = access;
		this.activity = activity;
		this.clock = clock;
	}

	/** One row of the page: the event and the browser it came from. */
	record Row(SecurityEvent event, UserAgents.Device device) {
	}

	@GetMapping("/settings/activity")
	String activity(Model model) {
		CurrentLogin login = access.requireLogin();
		model.addAttribute("events", activity.recent(login.id(), SHOWN)
			.stream()
			.map(event -> new Row(event, UserAgents.parse(event.userAgent())))
			.toList());
		model.addAttribute("zone", clock.getZone());
		return "identity/activity";
	}
}
