package org.portico.identity.web;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.portico.identity.AccountAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

	private final AccountAccess access;

	LoginController(AccountAccess access) {
		this.access = access;
	}

	@GetMapping("/login")
	String login(@Nullable HttpSession session, @RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String tooLong,
			@RequestParam(required = false) @Nullable String signedOut, Model model) {
		if (access.currentLogin().isPresent()) {
			return "redirect:/dashboard";
		}
		Object last = session == null ? null : session.getAttribute("portico.lastUsername");
		model.addAttribute("username", last instanceof String s ? s : "");
		// One message at a time; the page points the fields at it for screen readers.
		model.addAttribute("failure", tooLong != null ? "identity.login.too-long" : error != null ? "identity.login.failed" : null);
		model.addAttribute("signedOut", signedOut != null);
		return "identity/login";
	}
}
