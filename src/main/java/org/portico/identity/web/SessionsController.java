package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.portico.identity.AccountAccess;
import org.portico.identity.ClientInfo;
import org.portico.identity.CurrentLogin;
import org.portico.identity.session.ActiveSessions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in login's active sessions: where and when each signed in and was last seen, which one is
 * this device; end one, or every other. Only the login's own sessions can be ended (others: 404).
 */
@Controller
@RequestMapping("/settings/sessions")
class SessionsController {

	private static final String PAGE = "redirect:/settings/sessions";

	private final AccountAccess access;

	private final ActiveSessions sessions;

	private final Clock clock;

	SessionsController(AccountAccess access, ActiveSessions sessions, Clock clock) {
		this.access = access;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping
	String sessions(HttpServletRequest request, Model model) {
		CurrentLogin login = access.requireLogin();
		model.addAttribute("sessions", sessions.of(login, currentId(request)));
		model.addAttribute("zone", clock.getZone());
		return "identity/sessions";
	}

	@PostMapping("/{handle}/revoke")
	String revoke(@PathVariable String handle, HttpServletRequest request, RedirectAttributes redirect) {
		CurrentLogin login = access.requireLogin();
		if (!handle.matches("[0-9a-f]{32}")
				|| !sessions.revoke(login, handle, currentId(request), ClientInfo.of(request))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("flashSuccess", "identity.sessions.revoked");
		return PAGE;
	}

	@PostMapping("/revoke-others")
	String revokeOthers(HttpServletRequest request, RedirectAttributes redirect) {
		CurrentLogin login = access.requireLogin();
		sessions.revokeOthers(login, currentId(request), ClientInfo.of(request));
		redirect.addFlashAttribute("flashSuccess", "identity.sessions.others-ended");
		return PAGE;
	}

	private static @Nullable String currentId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : session.getId();
	}
}
