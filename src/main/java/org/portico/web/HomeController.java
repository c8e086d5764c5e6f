package org.portico.web;

import org.portico.identity.AccountAccess;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The site root: the dashboard when signed in, the sign-in page otherwise. */
@Controller
class HomeController {

	private final AccountAccess access;

	HomeController(AccountAccess access) {
		this.access = access;
	}

	@GetMapping("/")
	String home() {
		return access.currentLogin().isPresent() ? "redirect:/dashboard" : "redirect:/login";
	}
}
