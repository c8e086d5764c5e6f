package org.portico.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Sections of the navigation that are not built yet say so plainly and tell the customer how to get
 * the same thing done today, instead of a dead link. Settings has a page of its own: notification
 * settings are online, password and sign-in settings are not yet, and it says which is which.
 */
@Controller
class ComingSoonController {

	@GetMapping("/{section:usage|support}")
	String comingSoon(@PathVariable String section, Model model) {
		model.addAttribute("section", section);
		return "web/coming-soon";
	}

	@GetMapping("/settings")
	String settings() {
		return "web/settings";
	}
}
