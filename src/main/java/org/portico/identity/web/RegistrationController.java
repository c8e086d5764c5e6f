package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.portico.customer.AccountNumberFormat;
import org.portico.identity.AccountAccess;
import org.portico.identity.ClientInfo;
import org.portico.identity.SecurityActivity;
import org.portico.identity.SecurityEventType;
import org.portico.identity.PasswordPolicy;
import org.portico.identity.Registrations;
import org.portico.identity.Registrations.Candidate;
import org.portico.identity.Registrations.Channel;
import org.portico.identity.verification.TooManyCodesException;
import org.portico.identity.verification.VerificationPurpose;
import org.portico.shared.AccountNumber;
import org.portico.shared.CustomerId;
import org.portico.shared.EmailAddress;
import org.portico.shared.InvalidValueException;
import org.portico.shared.PhoneNumber;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Online registration for an existing service account, in four steps kept in the HTTP session (never in
 * hidden fields): 1. the account (number and billing ZIP, or the phone on file); 2. where the code goes
 * (the contacts on file, masked); 3. the code; 4. the login’s email, customer ID and password. Then a page
 * that links to sign-in.
 * <p>
 * Steps 1 to 3 answer the same whatever matched: the same pages, the same messages, the same time
 * ({@link SteadyResponse}). Format errors are shown beside the field and change nothing.
 */
@Controller
class RegistrationController {

	static final String FLOW = "portico.registration.flow";


	/** How long after the code was right the last step may be completed. */
	static final Duration VERIFIED_FOR = Duration.ofMinutes(30);

	private static final String ZIP = "\\d{5}(-\\d{4})?";

	private final Registrations registrations;

	private final AccountNumberFormat accountNumbers;

	private final PasswordPolicy policy;

	private final AccountAccess access;

	private final MessageSource messages;

	private final Clock clock;


	private final SecurityActivity activity;

	RegistrationController(Registrations registrations, AccountNumberFormat accountNumbers, PasswordPolicy policy,
			AccountAccess access, MessageSource messages, Clock clock, SecurityActivity activity) {
		this.activity = activity;
		this.registrations = registrations;
		this.accountNumbers = accountNumbers;
		this.policy = policy;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	/** Where a registration stands in this browser. */
	record Flow(Candidate candidate, @Nullable UUID verification, @Nullable Channel channel,
			@Nullable UUID verifiedPerson, @Nullable Instant verifiedAt, @Nullable String suggestedCustomerId,
			@Nullable String createdCustomerId) implements Serializable {

		static Flow started(Candidate candidate) {
			return new Flow(candidate, null, null, null, null, null, null);
		}

		Flow codeSent(UUID id, Channel to) {
			return new Flow(candidate, id, to, null, null, null, null);
		}

		Flow verified(UUID person, Instant at, String suggestion) {
			return new Flow(candidate, verification, channel, person, at, suggestion, null);
		}

		Flow created(String customerId) {
			return new Flow(candidate, null, null, null, null, null, customerId);
		}
	}

	// Step 1: the account

	@GetMapping("/register")
	String start(@RequestParam(defaultValue = "account") String by, @RequestParam(required = false) String restart,
			Model model) {
		if (access.currentLogin().isPresent()) {
			return "redirect:/dashboard";
		}
		model.addAttribute("by", "phone".equals(by) ? "phone" : "account");
		model.addAttribute("errors", Map.of());
		if (restart != null) {
			model.addAttribute("notice", message("registration.restart", null));
		}
		return "identity/register";
	}

	@PostMapping("/register")
	CompletableFuture<String> lookUp(@RequestParam(defaultValue = "account") String by,
			@RequestParam(defaultValue = "") String accountNumber, @RequestParam(defaultValue = "") String zip,
			@RequestParam(defaultValue = "") String phone, HttpServletRequest request, Model model) {
		long start = SteadyResponse.start();
		boolean byPhone = "phone".equals(by);
		Map<String, String> errors = new LinkedHashMap<>();
		Candidate candidate = null;
		if (byPhone) {
			try {
				candidate = registrations.byPhone(PhoneNumber.parse(phone));
			}
			catch (InvalidValueException e) {
				errors.put("phone", message(e.messageKey(), null));
			}
		}
		else {
			AccountNumber number = null;
			try {
				number = accountNumbers.parse(accountNumber);
			}
			catch (InvalidValueException e) {
				errors.put("accountNumber", message(e.messageKey(), null));
			}
			String zip5 = zip.strip();
			if (zip5.isEmpty()) {
				errors.put("zip", message("registration.zip.required", null));
			}
			else if (zip5.length() > 10 || !zip5.matches(ZIP)) {
				errors.put("zip", message("registration.zip.invalid", null));
			}
			if (errors.isEmpty() && number != null) {
				candidate = registrations.byAccount(number, zip5.substring(0, 5));
			}
		}
		if (candidate == null) {
			model.addAttribute("by", byPhone ? "phone" : "account");
			model.addAttribute("errors", errors);
			model.addAttribute("accountNumber", accountNumber.length() > 40 ? "" : accountNumber);
			model.addAttribute("zip", zip.length() > 10 ? "" : zip);
			model.addAttribute("phone", phone.length() > 40 ? "" : phone);
			return page(request, start, "identity/register");
		}
		HttpSession session = request.getSession();
		VerificationBrowser.token(session);
		session.setAttribute(FLOW, Flow.started(candidate));
		return page(request, start, "redirect:/register/contact");
	}

	// Step 2: where the code goes

	@GetMapping("/register/contact")
	String contact(HttpSession session, Model model) {
		Flow flow = flow(session);
		if (flow == null) {
			return "redirect:/register?restart";
		}
		contactModel(model, flow, Map.of(), flow.channel());
		return "identity/register-contact";
	}

	@PostMapping("/register/contact")
	CompletableFuture<String> sendCode(@RequestParam(defaultValue = "") String channel, HttpServletRequest request,
			Model model) {
		long start = SteadyResponse.start();
		HttpSession session = request.getSession();
		Flow flow = flow(session);
		if (flow == null) {
			return page(request, start, "redirect:/register?restart");
		}
		Channel to = channel(channel, flow.candidate());
		if (to == null) {
			contactModel(model, flow, Map.of("channel", message("registration.contact.choose", null)), null);
			return page(request, start, "identity/register-contact");
		}
		try {
			UUID id = registrations.sendCode(flow.candidate(), to, VerificationBrowser.token(session));
			session.setAttribute(FLOW, flow.codeSent(id, to));
			return page(request, start, "redirect:/register/code");
		}
		catch (TooManyCodesException e) {
			contactModel(model, flow, Map.of("channel", tooManyCodes(e)), to);
			return page(request, start, "identity/register-contact");
		}
	}

	// Step 3: the code

	@GetMapping("/register/code")
	String code(@RequestParam(required = false) String resent, HttpSession session, Model model) {
		Flow flow = flow(session);
		if (flow == null) {
			return "redirect:/register?restart";
		}
		if (flow.verification() == null) {
			return "redirect:/register/contact";
		}
		codeModel(model, flow, Map.of());
		model.addAttribute("resent", resent != null);
		return "identity/register-code";
	}

	@PostMapping("/register/code")
	CompletableFuture<String> checkCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			Model model) {
		long start = SteadyResponse.start();
		HttpSession session = request.getSession();
		Flow flow = flow(session);
		if (flow == null) {
			return page(request, start, "redirect:/register?restart");
		}
		if (flow.verification() == null) {
			// a code typed before one was asked for: nothing to check it against
			contactModel(model, flow, Map.of("channel", message("registration.code.ask-first", null)), null);
			return page(request, start, "identity/register-contact");
		}
		String typed = code.replaceAll("[\\s-]", "");
		if (!typed.matches("\\d{6}")) {
			codeModel(model, flow, Map.of("code", message("registration.code.format", null)));
			return page(request, start, "identity/register-code");
		}
		var check = registrations.checkCode(flow.verification(), VerificationBrowser.token(session), typed);
		if (check.verified() && check.person() != null) {
			session.setAttribute(FLOW,
					flow.verified(check.person(), clock.instant(), registrations.suggestCustomerId().value()));
			return page(request, start, "redirect:/register/details");
		}
		String error = switch (check.status()) {
			case WRONG -> message("registration.code.wrong", new Object[] { check.triesLeft() });
			case TOO_MANY_TRIES -> message("registration.code.too-many-tries", null);
			case EXPIRED -> message("registration.code.expired", null);
			case USED -> message("registration.code.used", null);
			default -> message("registration.code.unknown", null);
		};
		codeModel(model, flow, Map.of("code", error));
		return page(request, start, "identity/register-code");
	}

	@PostMapping("/register/code/resend")
	CompletableFuture<String> resend(HttpServletRequest request, Model model) {
		long start = SteadyResponse.start();
		HttpSession session = request.getSession();
		Flow flow = flow(session);
		if (flow == null) {
			return page(request, start, "redirect:/register?restart");
		}
		if (flow.channel() == null) {
			return page(request, start, "redirect:/register/contact");
		}
		try {
			UUID id = registrations.sendCode(flow.candidate(), flow.channel(), VerificationBrowser.token(session));
			session.setAttribute(FLOW, flow.codeSent(id, flow.channel()));
			return page(request, start, "redirect:/register/code?resent");
		}
		catch (TooManyCodesException e) {
			codeModel(model, flow, Map.of("code", tooManyCodes(e)));
			return page(request, start, "identity/register-code");
		}
	}

	// Step 4: the login

	@GetMapping("/register/details")
	String details(HttpSession session, Model model) {
		Flow flow = verifiedFlow(session);
		if (flow == null || flow.verifiedPerson() == null) {
			return "redirect:/register?restart";
		}
		model.addAttribute("email", registrations.emailOnFile(flow.verifiedPerson()).value());
		model.addAttribute("customerId", flow.suggestedCustomerId());
		model.addAttribute("errors", Map.of());
		return "identity/register-details";
	}

	@PostMapping("/register/details")
	String createLogin(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String customerId,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmPassword,
			HttpSession session, HttpServletRequest request, Locale locale, Model model) {
		Flow flow = verifiedFlow(session);
		if (flow == null || flow.verifiedPerson() == null) {
			return "redirect:/register?restart";
		}
		UUID person = flow.verifiedPerson();
		Map<String, String> errors = new LinkedHashMap<>();
		EmailAddress address = null;
		try {
			address = new EmailAddress(email);
			if (registrations.emailTaken(address)) {
				errors.put("email", message("registration.email.taken", null));
			}
		}
		catch (InvalidValueException e) {
			errors.put("email", message(e.messageKey(), null));
		}
		CustomerId id = null;
		try {
			id = new CustomerId(customerId);
			if (registrations.customerIdTaken(id)) {
				errors.put("customerId", message("registration.customer-id.taken", null));
			}
		}
		catch (InvalidValueException e) {
			errors.put("customerId", message(e.messageKey(), null));
		}
		var violations = registrations.checkPassword(person, address == null ? null : address.value(),
				id == null ? null : id.value(), password);
		if (!violations.isEmpty()) {
			errors.put("password", String.join(" ", violations.stream()
				.map(v -> messages.getMessage(v.messageKey(), v.arguments().toArray(), locale))
				.toList()));
		}
		if (!password.equals(confirmPassword)) {
			errors.put("confirmPassword", message("registration.password.mismatch", null));
		}
		if (errors.isEmpty() && address != null && id != null) {
			try {
				var login = registrations.register(person, address, id, password);
				activity.record(login.id(), SecurityEventType.REGISTERED, ClientInfo.of(request), null);
				session.setAttribute(FLOW, flow.created(login.customerId().value()));
				return "redirect:/register/done";
			}
			catch (InvalidValueException | DuplicateKeyException e) {
				String key = e instanceof InvalidValueException invalid ? invalid.messageKey() : "";
				switch (key) {
					case "identity.email.taken" -> errors.put("email", message("registration.email.taken", null));
					case "identity.customer-id.taken" ->
						errors.put("customerId", message("registration.customer-id.taken", null));
					case "identity.login.exists" -> errors.put("form", message("registration.login.exists", null));
					default -> errors.put("form", message("registration.not-created", null));
				}
			}
		}
		model.addAttribute("email", email.length() > 254 ? "" : email);
		model.addAttribute("customerId", customerId.length() > 32 ? "" : customerId);
		model.addAttribute("errors", errors);
		return "identity/register-details";
	}

	@GetMapping("/register/done")
	String done(HttpSession session, Model model) {
		Flow flow = flow(session);
		if (flow == null || flow.createdCustomerId() == null) {
			return "redirect:/register?restart";
		}
		session.removeAttribute(FLOW);
		model.addAttribute("customerId", flow.createdCustomerId());
		return "identity/register-done";
	}

	/** The strength meter for the new login’s password: judged against the verified holder’s details. */
	@PostMapping("/register/password-strength")
	String strength(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String customerId, HttpSession session, Locale locale, Model model) {
		Flow flow = verifiedFlow(session);
		if (flow != null && flow.verifiedPerson() != null && !password.isEmpty()) {
			var details = registrations.personalDetails(flow.verifiedPerson(), email.length() > 254 ? null : email,
					customerId.length() > 32 ? null : customerId);
			model.addAttribute("estimate", policy.estimate(password, locale));
			List<String> problems = policy.check(password, details)
				.stream()
				.map(v -> messages.getMessage(v.messageKey(), v.arguments().toArray(), locale))
				.toList();
			model.addAttribute("problems", problems);
		}
		return "identity/_strength :: meter";
	}

	private void contactModel(Model model, Flow flow, Map<String, String> errors, @Nullable Channel chosen) {
		model.addAttribute("maskedEmail", flow.candidate().maskedEmail());
		model.addAttribute("maskedPhone", flow.candidate().maskedPhone());
		model.addAttribute("chosen", chosen == null ? "EMAIL" : chosen.name());
		model.addAttribute("errors", errors);
	}

	private void codeModel(Model model, Flow flow, Map<String, String> errors) {
		model.addAttribute("destination", flow.channel() == Channel.SMS ? flow.candidate().maskedPhone()
				: flow.candidate().maskedEmail());
		model.addAttribute("bySms", flow.channel() == Channel.SMS);
		model.addAttribute("minutes", VerificationPurpose.REGISTRATION.lifetime().toMinutes());
		model.addAttribute("errors", errors);
		model.addAttribute("resent", false);
	}

	private static @Nullable Channel channel(String typed, Candidate candidate) {
		if ("EMAIL".equals(typed)) {
			return Channel.EMAIL;
		}
		if ("SMS".equals(typed) && candidate.maskedPhone() != null) {
			return Channel.SMS;
		}
		return null;
	}

	private String tooManyCodes(TooManyCodesException e) {
		long seconds = Math.max(0, Duration.between(clock.instant(), e.retryAfter()).getSeconds());
		long minutes = Math.max(1, (seconds + 59) / 60);
		return message("registration.code.too-many-codes", new Object[] { minutes });
	}

	private static @Nullable Flow flow(HttpSession session) {
		return session.getAttribute(FLOW) instanceof Flow flow ? flow : null;
	}

	private @Nullable Flow verifiedFlow(HttpSession session) {
		Flow flow = flow(session);
		if (flow == null || flow.verifiedAt() == null
				|| clock.instant().isAfter(flow.verifiedAt().plus(VERIFIED_FOR))) {
			return null;
		}
		return flow;
	}

	/**
	 * A steady answer. The session is saved when the request’s first dispatch ends, before the page is
	 * rendered: the CSRF token the page shows is loaded (and kept in the session) now.
	 */
	static CompletableFuture<String> page(HttpServletRequest request, long start, String view) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
			csrf.getToken();
		}
		return SteadyResponse.after(start, view);
	}

	private String message(String key, Object @Nullable [] arguments) {
		return messages.getMessage(key, arguments, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}
}
