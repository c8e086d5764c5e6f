package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.portico.identity.AccountAccess;
import org.portico.identity.ClientInfo;
import org.portico.identity.CurrentLogin;
import org.portico.identity.IdentityManagement;
import org.portico.identity.PasswordPolicy;
import org.portico.identity.Reauthentication;
import org.portico.identity.SecurityActivity;
import org.portico.identity.SecurityEventType;
import org.springframework.context.MessageSource;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Change password (behind re-authentication; the current password counts as one) and the strength meter
 * every password field uses through htmx. Passwords are never logged, kept or echoed back.
 */
@Controller
class PasswordController {

	private final AccountAccess access;

	private final IdentityManagement identity;

	private final PasswordPolicy policy;

	private final Reauthentication reauthentication;

	private final SecurityActivity activity;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final MessageSource messages;

	PasswordController(AccountAccess access, IdentityManagement identity, PasswordPolicy policy,
			Reauthentication reauthentication, SecurityActivity activity,
			FindByIndexNameSessionRepository<? extends Session> sessions, MessageSource messages) {
		this.access = access;
		this.identity = identity;
		this.policy = policy;
		this.reauthentication = reauthentication;
		this.activity = activity;
		this.sessions = sessions;
		this.messages = messages;
	}

	@GetMapping("/settings/password")
	String page(Model model) {
		reauthentication.require();
		model.addAttribute("section", "settings");
		model.addAttribute("errors", Map.of());
		model.addAttribute("signOutOthers", false);
		return "identity/password";
	}

	@PostMapping("/settings/password")
	String change(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmPassword,
			@RequestParam(defaultValue = "false") boolean signOutOthers, HttpServletRequest request, Locale locale,
			Model model, RedirectAttributes redirect) {
		CurrentLogin login = access.requireLogin();
		Map<String, List<String>> errors = new LinkedHashMap<>();
		List<String> reasons = new ArrayList<>();
		if (reauthentication.refusedUntil(request).isPresent()) {
			// too many wrong passwords for this login (here, on re-authentication or at sign-in): not checked
			errors.put("currentPassword", List.of(message("identity.password.current.refused", locale)));
			reasons.add("throttled");
		}
		else if (currentPassword.isEmpty() || !identity.passwordMatches(login.id(), currentPassword)) {
			errors.put("currentPassword", List.of(message("identity.password.current.wrong", locale)));
			reasons.add("current password wrong");
			if (!currentPassword.isEmpty()) {
				reauthentication.recordWrongPassword(request);
			}
		}
		else {
			reauthentication.markNow();
			var violations = identity.checkNewPassword(login.id(), newPassword);
			if (!violations.isEmpty()) {
				errors.put("newPassword", violations.stream()
					.map(v -> messages.getMessage(v.messageKey(), v.arguments().toArray(), locale))
					.toList());
				violations.forEach(v -> reasons.add(v.messageKey()));
			}
			else if (newPassword.equals(currentPassword)) {
				errors.put("newPassword", List.of(message("identity.password.same", locale)));
				reasons.add("identity.password.same");
			}
			if (!newPassword.equals(confirmPassword)) {
				errors.put("confirmPassword", List.of(message("identity.password.confirm.mismatch", locale)));
				reasons.add("confirmation differs");
			}
		}
		ClientInfo client = ClientInfo.of(request);
		if (!errors.isEmpty()) {
			activity.record(login.id(), SecurityEventType.PASSWORD_CHANGE_FAILED, client, String.join(", ", reasons));
			model.addAttribute("section", "settings");
			model.addAttribute("errors", errors);
			model.addAttribute("signOutOthers", signOutOthers);
			return "identity/password";
		}
		identity.changePassword(login.id(), newPassword);
		activity.record(login.id(), SecurityEventType.PASSWORD_CHANGED, client, null);
		if (signOutOthers) {
			int ended = endOtherSessions(login, request);
			activity.record(login.id(), SecurityEventType.OTHER_SESSIONS_ENDED, client, "sessions ended: " + ended);
		}
		redirect.addFlashAttribute("passwordChanged", true);
		redirect.addFlashAttribute("otherSessionsEnded", signOutOthers);
		return "redirect:/settings/password";
	}

	/** The strength meter: an htmx partial for whichever password field asked. */
	@PostMapping("/password/strength")
	String strength(@RequestParam(required = false) String newPassword, @RequestParam(required = false) String password,
			Locale locale, Model model) {
		String value = newPassword != null ? newPassword : password != null ? password : "";
		if (!value.isEmpty()) {
			var estimate = policy.estimate(value, locale);
			var violations = access.currentLogin()
				.map(l -> identity.checkNewPassword(l.id(), value))
				.orElseGet(() -> policy.check(value, PasswordPolicy.PersonalDetails.none()));
			model.addAttribute("estimate", estimate);
			model.addAttribute("problems", violations.stream()
				.map(v -> messages.getMessage(v.messageKey(), v.arguments().toArray(), locale))
				.toList());
		}
		return "identity/_strength :: meter";
	}

	private int endOtherSessions(CurrentLogin login, HttpServletRequest request) {
		var session = request.getSession(false);
		String current = session == null ? null : session.getId();
		int ended = 0;
		for (String id : sessions.findByPrincipalName(login.getUsername()).keySet()) {
			if (!id.equals(current)) {
				sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
