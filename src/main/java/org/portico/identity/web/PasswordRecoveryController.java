package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.portico.identity.ClientInfo;
import org.portico.identity.IdentityManagement;
import org.portico.identity.LoginId;
import org.portico.identity.RecoveryService;
import org.portico.identity.SecurityActivity;
import org.portico.identity.SecurityEventType;
import org.portico.identity.verification.TooManyCodesException;
import org.portico.identity.verification.Verifications;
import org.springframework.context.MessageSource;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgot password: {@code /recover/password} asks for the email or customer ID, then where the code goes
 * (the contacts on file, masked), then the code (by text) or sends a link (by email), then the new
 * password. The same pages and messages whatever exists, each answer that could tell held to the same
 * time ({@link SteadyResponse}). The recovery lives in this browser's session: codes and links work only
 * here, and a reset signs nobody in.
 */
@Controller
class PasswordRecoveryController {

	/** Session attribute of the recovery under way. */
	static final String STATE = "portico.recovery.password";


	/** How long after the code or link the new password may be set. */
	static final Duration RESET_WINDOW = Duration.ofMinutes(15);


	private final RecoveryService recovery;

	private final IdentityManagement identity;

	private final SecurityActivity activity;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final MessageSource messages;

	private final Clock clock;

	PasswordRecoveryController(RecoveryService recovery, IdentityManagement identity, SecurityActivity activity,
			FindByIndexNameSessionRepository<? extends Session> sessions, MessageSource messages, Clock clock) {
		this.recovery = recovery;
		this.identity = identity;
		this.activity = activity;
		this.sessions = sessions;
		this.messages = messages;
		this.clock = clock;
	}

	/** The recovery under way, as kept in the session (no secrets: the code or link is only in the message). */
	record State(String subject, @Nullable UUID login, String maskedEmail, @Nullable String maskedPhone,
			@Nullable UUID verification, @Nullable String channel, @Nullable UUID resetLogin,
			long resetUntil) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		RecoveryService.Started started() {
			return new RecoveryService.Started(subject, login == null ? null : new LoginId(login), maskedEmail,
					maskedPhone);
		}

		State sent(UUID id, RecoveryService.Channel sentBy) {
			return new State(subject, login, maskedEmail, maskedPhone, id, sentBy.name(), null, 0);
		}

		State resetAllowed(LoginId allowed, Instant until) {
			return new State(subject, login, maskedEmail, maskedPhone, null, null, allowed.value(), until.toEpochMilli());
		}
	}

	@GetMapping("/recover/password")
	String start(Model model) {
		model.addAttribute("identifier", "");
		model.addAttribute("errors", Map.of());
		return "identity/recover-password";
	}

	@PostMapping("/recover/password")
	CompletableFuture<String> identify(@RequestParam(defaultValue = "") String identifier, HttpSession session,
			Locale locale, Model model) {
		long started = SteadyResponse.start();
		String typed = identifier.strip();
		if (typed.isEmpty() || typed.length() > 254) {
			model.addAttribute("identifier", typed.length() > 254 ? "" : typed);
			model.addAttribute("errors", Map.of("identifier",
					message(typed.isEmpty() ? "profile.recover.identifier.required" : "profile.recover.identifier.invalid",
							locale)));
			return SteadyResponse.after(started, "identity/recover-password");
		}
		var found = recovery.start(typed);
		session.setAttribute(STATE, new State(found.subject(), found.login() == null ? null : found.login().value(),
				found.maskedEmail(), found.maskedPhone(), null, null, null, 0));
		return SteadyResponse.after(started, "redirect:/recover/password/choose");
	}

	@GetMapping("/recover/password/choose")
	String choose(HttpSession session, Model model) {
		State state = state(session);
		if (state == null) {
			return "redirect:/recover/password";
		}
		chooseModel(model, state, state.maskedPhone() != null ? "SMS" : "EMAIL", null);
		return "identity/recover-password-choose";
	}

	@PostMapping("/recover/password/choose")
	CompletableFuture<String> send(@RequestParam(defaultValue = "") String channel, HttpSession session, Locale locale,
			Model model) {
		long started = SteadyResponse.start();
		State state = state(session);
		if (state == null) {
			return SteadyResponse.after(started, "redirect:/recover/password");
		}
		RecoveryService.Channel chosen = channel(channel, state);
		if (chosen == null) {
			chooseModel(model, state, null, message("profile.recover.channel.required", locale));
			return SteadyResponse.after(started, "identity/recover-password-choose");
		}
		try {
			UUID id = recovery.send(state.started(), chosen, VerificationBrowser.token(session));
			session.setAttribute(STATE, state.sent(id, chosen));
		}
		catch (TooManyCodesException e) {
			chooseModel(model, state, chosen.name(), tooMany(e, locale));
			return SteadyResponse.after(started, "identity/recover-password-choose");
		}
		return SteadyResponse.after(started,
				chosen == RecoveryService.Channel.SMS ? "redirect:/recover/password/code" : "redirect:/recover/password/sent");
	}

	@GetMapping("/recover/password/sent")
	String sent(HttpSession session, Model model) {
		State state = state(session);
		if (state == null || !"EMAIL".equals(state.channel())) {
			return "redirect:/recover/password";
		}
		model.addAttribute("maskedEmail", state.maskedEmail());
		return "identity/recover-password-sent";
	}

	@GetMapping("/recover/password/code")
	String codePage(HttpSession session, Model model) {
		State state = state(session);
		if (state == null || !"SMS".equals(state.channel())) {
			return "redirect:/recover/password";
		}
		codeModel(model, state, null);
		return "identity/recover-password-code";
	}

	@PostMapping("/recover/password/code")
	String code(@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
			Locale locale, Model model) {
		State state = state(session);
		if (state == null || state.verification() == null || !"SMS".equals(state.channel())) {
			return "redirect:/recover/password";
		}
		if (code.length() > 20) {
			code = "";
		}
		var outcome = recovery.redeemCode(state.verification(), VerificationBrowser.token(session), code);
		if (outcome.valid() && outcome.verification() != null && outcome.verification().login() != null) {
			session.setAttribute(STATE, state.resetAllowed(outcome.verification().login(),
					clock.instant().plus(RESET_WINDOW)));
			return "redirect:/recover/password/new";
		}
		if (state.login() != null) {
			activity.record(new LoginId(state.login()), SecurityEventType.PASSWORD_RESET_FAILED, ClientInfo.of(request),
					"code " + outcome.status().name().toLowerCase(Locale.ROOT));
		}
		codeModel(model, state, codeMessage(outcome, locale));
		return "identity/recover-password-code";
	}

	/** The link in the email: works once, for an hour, in the browser that asked for it. */
	@GetMapping("/recover/password/link")
	String link(@RequestParam(defaultValue = "") String token, HttpSession session, Locale locale, Model model) {
		var outcome = recovery.redeemLink(token, VerificationBrowser.token(session));
		if (outcome.valid() && outcome.verification() != null && outcome.verification().login() != null) {
			State state = state(session);
			State base = state != null ? state : new State("", null, "", null, null, null, null, 0);
			session.setAttribute(STATE, base.resetAllowed(outcome.verification().login(),
					clock.instant().plus(RESET_WINDOW)));
			return "redirect:/recover/password/new";
		}
		model.addAttribute("problem", linkMessage(outcome.status(), locale));
		return "identity/recover-password-link";
	}

	@GetMapping("/recover/password/new")
	String newPasswordPage(HttpSession session, Model model) {
		if (resetLogin(session) == null) {
			return "redirect:/recover/password";
		}
		model.addAttribute("errors", Map.of());
		model.addAttribute("signOutOthers", true);
		return "identity/recover-password-new";
	}

	@PostMapping("/recover/password/new")
	String setNewPassword(@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword,
			@RequestParam(defaultValue = "false") boolean signOutOthers, HttpSession session, HttpServletRequest request,
			Locale locale, Model model) {
		LoginId login = resetLogin(session);
		if (login == null) {
			return "redirect:/recover/password";
		}
		Map<String, List<String>> errors = new LinkedHashMap<>();
		var violations = identity.checkNewPassword(login, newPassword);
		if (!violations.isEmpty()) {
			errors.put("newPassword", violations.stream()
				.map(v -> messages.getMessage(v.messageKey(), v.arguments().toArray(), locale))
				.toList());
		}
		if (!newPassword.equals(confirmPassword)) {
			errors.put("confirmPassword", List.of(message("identity.password.confirm.mismatch", locale)));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("signOutOthers", signOutOthers);
			return "identity/recover-password-new";
		}
		ClientInfo client = ClientInfo.of(request);
		recovery.resetPassword(login, newPassword, client);
		session.removeAttribute(STATE);
		if (signOutOthers) {
			int ended = endSessions(login, session.getId());
			activity.record(login, SecurityEventType.OTHER_SESSIONS_ENDED, client, "sessions ended: " + ended);
		}
		session.setAttribute(STATE + ".done", signOutOthers);
		return "redirect:/recover/password/done";
	}

	@GetMapping("/recover/password/done")
	String done(HttpSession session, Model model) {
		Object ended = session.getAttribute(STATE + ".done");
		if (ended == null) {
			return "redirect:/recover/password";
		}
		session.removeAttribute(STATE + ".done");
		model.addAttribute("otherSessionsEnded", Boolean.TRUE.equals(ended));
		return "identity/recover-password-done";
	}

	/** “Try again after 3:45 PM” (today) or with the date, in the provider's zone. */
	static String retryTime(Instant at, Clock clock, Locale locale) {
		var local = at.atZone(clock.getZone());
		boolean today = local.toLocalDate().equals(clock.instant().atZone(clock.getZone()).toLocalDate());
		DateTimeFormatter format = today ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
		return local.format(format.withLocale(locale));
	}

	private @Nullable State state(HttpSession session) {
		return session.getAttribute(STATE) instanceof State state ? state : null;
	}

	private @Nullable LoginId resetLogin(HttpSession session) {
		State state = state(session);
		if (state == null || state.resetLogin() == null || clock.millis() > state.resetUntil()) {
			return null;
		}
		return new LoginId(state.resetLogin());
	}

	private static RecoveryService.@Nullable Channel channel(String value, State state) {
		if ("EMAIL".equals(value)) {
			return RecoveryService.Channel.EMAIL;
		}
		if ("SMS".equals(value) && state.maskedPhone() != null) {
			return RecoveryService.Channel.SMS;
		}
		return null;
	}

	private void chooseModel(Model model, State state, @Nullable String selected, @Nullable String error) {
		model.addAttribute("maskedEmail", state.maskedEmail());
		model.addAttribute("maskedPhone", state.maskedPhone());
		model.addAttribute("selected", selected);
		model.addAttribute("error", error);
	}

	private void codeModel(Model model, State state, @Nullable String error) {
		model.addAttribute("maskedPhone", state.maskedPhone());
		model.addAttribute("error", error);
	}

	private String tooMany(TooManyCodesException e, Locale locale) {
		return messages.getMessage("profile.code.too-many", new Object[] { retryTime(e.retryAfter(), clock, locale) },
				locale);
	}

	private String codeMessage(Verifications.Outcome outcome, Locale locale) {
		return switch (outcome.status()) {
			case WRONG -> messages.getMessage("profile.code.wrong", new Object[] { outcome.triesLeft() }, locale);
			case EXPIRED -> message("profile.code.expired", locale);
			case USED -> message("profile.code.used", locale);
			case TOO_MANY_TRIES -> message("profile.code.too-many-tries", locale);
			default -> message("profile.code.unknown", locale);
		};
	}

	private String linkMessage(Verifications.Status status, Locale locale) {
		return switch (status) {
			case EXPIRED -> message("profile.link.expired", locale);
			case USED -> message("profile.link.used", locale);
			default -> message("profile.link.unknown", locale);
		};
	}

	private int endSessions(LoginId login, String current) {
		int ended = 0;
		for (String id : sessions.findByPrincipalName(login.toString()).keySet()) {
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
