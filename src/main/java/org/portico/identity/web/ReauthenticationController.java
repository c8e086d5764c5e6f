package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.portico.identity.Reauthentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Asks for the password again before a sensitive action, then goes back to it (local paths only). */
@Controller
class ReauthenticationController {

	/** A path on this site: one leading slash (not {@code //} or {@code /\}), printable ASCII, no templates. */
	private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[!#-\\[\\]-z|~]*");

	static final String DEFAULT_NEXT = "/settings";

	private final Reauthentication reauthentication;

	private final java.time.Clock clock;

	ReauthenticationController(Reauthentication reauthentication, java.time.Clock clock) {
		this.reauthentication = reauthentication;
		this.clock = clock;
	}

	@GetMapping("/reauthenticate")
	String page(@RequestParam(required = false) @Nullable String next, Model model) {
		model.addAttribute("next", safeNext(next));
		return "identity/reauthenticate";
	}

	@PostMapping("/reauthenticate")
	String confirm(@RequestParam(defaultValue = "") String password, @RequestParam(required = false) @Nullable String next,
			HttpServletRequest request, Model model) {
		String target = safeNext(next);
		var confirmation = reauthentication.confirm(password, request);
		if (confirmation == Reauthentication.Confirmation.CONFIRMED) {
			return "redirect:" + target;
		}
		model.addAttribute("next", target);
		model.addAttribute("failed", true);
		if (confirmation == Reauthentication.Confirmation.REFUSED) {
			long minutes = reauthentication.refusedUntil(request)
				.map(until -> Math.max(1, (java.time.Duration.between(clock.instant(), until).toSeconds() + 59) / 60))
				.orElse(1L);
			model.addAttribute("refusedMinutes", minutes);
		}
		return "identity/reauthenticate";
	}

	/** {@code next} when it is a local path, else the settings page: never another site. */
	static String safeNext(@Nullable String next) {
		if (next == null || next.length() > 500 || !LOCAL_PATH.matcher(next).matches()) {
			return DEFAULT_NEXT;
		}
		return next;
	}
}
