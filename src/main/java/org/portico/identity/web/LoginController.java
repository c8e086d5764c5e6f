package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.portico.identity.AccountAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

	private final AccountAccess access;

	private final Clock clock;

	LoginController(AccountAccess access, Clock clock) {
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		// Flags without values (?error, ?tooLong, ?signedOut): their presence is what counts.
		var flags = request.getParameterMap().keySet();
		if (access.currentLogin().isPresent()) {
			return "redirect:/dashboard";
		}
		Object last = session == null ? null : session.getAttribute("portico.lastUsername");
		model.addAttribute("username", last instanceof String s ? s : "");
		// One message at a time; the page points the fields at it for screen readers.
		model.addAttribute("failure", flags.contains("tooLong") ? "identity.login.too-long"
				: flags.contains("refused") ? refusal(session, model)
				: flags.contains("error") ? "identity.login.failed" : null);
		model.addAttribute("signedOut", flags.contains("signedOut"));
		return "identity/login";
	}

	/**
	 * Throttled (identity's throttling filter): how long to wait, from the until-time it left in the
	 * session; the message is the same whether or not the identifier names a login.
	 */
	private String refusal(@org.jspecify.annotations.Nullable HttpSession session, Model model) {
		Object until = session == null ? null : session.getAttribute("portico.refusedUntil");
		if (!(until instanceof Long millis)) {
			return "identity.login.refused";
		}
		long seconds = Math.max(1, (millis - clock.millis() + 999) / 1000);
		if (seconds < 60) {
			model.addAttribute("failureWait", seconds);
			return "identity.login.refused.seconds";
		}
		model.addAttribute("failureWait", (seconds + 59) / 60);
		return "identity.login.refused.minutes";
	}
}
