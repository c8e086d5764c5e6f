package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.portico.identity.AccountAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

	private final AccountAccess access;

	LoginController(AccountAccess access) {
		this.access = access;
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
				: flags.contains("error") ? "identity.login.failed" : null);
		model.addAttribute("signedOut", flags.contains("signedOut"));
		return "identity/login";
	}
}
