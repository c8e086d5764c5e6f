package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.AccountAccess;
import org.portico.identity.ClientInfo;
import org.portico.identity.CurrentLogin;
import org.portico.identity.GrantRole;
import org.portico.identity.IdentityManagement;
import org.portico.identity.KnownDevices;
import org.portico.identity.Login;
import org.portico.identity.Permission;
import org.portico.identity.ProfileService;
import org.portico.identity.Reauthentication;
import org.portico.identity.verification.TooManyCodesException;
import org.portico.identity.verification.Verifications;
import org.portico.shared.CustomerId;
import org.portico.shared.EmailAddress;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.portico.shared.PostalAddress;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Profile and contact details under {@code /settings/profile}: the login's sign-in email (behind
 * re-authentication, confirmed by a link to the new address), phone (behind re-authentication, confirmed
 * by a code texted to it), customer ID and language, and the current account's billing address (for
 * roles that may change contact details). Every refusal is a message beside its field; nothing changes.
 */
@Controller
class ProfileController {

	private static final String PENDING_EMAIL = "portico.profile.pendingEmail";

	private static final String PENDING_PHONE = "portico.profile.pendingPhone";

	private final AccountAccess access;

	private final IdentityManagement identity;

	private final CustomerManagement customers;

	private final ProfileService profile;

	private final Reauthentication reauthentication;

	private final LocaleResolver localeResolver;

	private final MessageSource messages;

	private final Clock clock;

	ProfileController(AccountAccess access, IdentityManagement identity, CustomerManagement customers,
			ProfileService profile, Reauthentication reauthentication, LocaleResolver localeResolver,
			MessageSource messages, Clock clock) {
		this.access = access;
		this.identity = identity;
		this.customers = customers;
		this.profile = profile;
		this.reauthentication = reauthentication;
		this.localeResolver = localeResolver;
		this.messages = messages;
		this.clock = clock;
	}

	/** A phone change waiting for its code, as kept in the session. */
	record PendingPhone(UUID verification, String masked) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;
	}

	@GetMapping("/settings/profile")
	String page(Model model) {
		CurrentLogin current = access.requireLogin();
		pageModel(model, current, null, Map.of());
		return "identity/profile";
	}

	@PostMapping("/settings/profile/customer-id")
	String changeCustomerId(@RequestParam(defaultValue = "") String customerId, HttpServletRequest request,
			Locale locale, Model model, RedirectAttributes redirect) {
		CurrentLogin current = access.requireLogin();
		try {
			profile.changeCustomerId(current.id(), new CustomerId(customerId), ClientInfo.of(request));
		}
		catch (InvalidValueException e) {
			model.addAttribute("customerIdValue", customerId.length() > 64 ? "" : customerId);
			pageModel(model, current, null, Map.of("customerId", message(profileKey(e.messageKey()), locale)));
			return "identity/profile";
		}
		redirect.addFlashAttribute("saved", "profile.customer-id.saved");
		return "redirect:/settings/profile";
	}

	@PostMapping("/settings/profile/language")
	String changeLanguage(@RequestParam(defaultValue = "") String language, HttpServletRequest request,
			HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
		CurrentLogin current = access.requireLogin();
		Language chosen;
		try {
			chosen = Language.fromTag(language);
		}
		catch (InvalidValueException e) {
			pageModel(model, current, null, Map.of("language", message("validation.language.invalid", locale)));
			return "identity/profile";
		}
		profile.changeLanguage(current.id(), chosen);
		localeResolver.setLocale(request, response, chosen.locale());
		redirect.addFlashAttribute("saved", "profile.language.saved");
		return "redirect:/settings/profile";
	}

	@PostMapping("/settings/profile/address")
	String changeAddress(@RequestParam(defaultValue = "") String account,
			@RequestParam(defaultValue = "false") boolean sameAsService, @RequestParam(defaultValue = "") String line1,
			@RequestParam(defaultValue = "") String line2, @RequestParam(defaultValue = "") String city,
			@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String zip,
			HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
		CurrentLogin current = access.requireLogin();
		ServiceAccountId accountId = accountId(account);
		// the role is checked before the input: a role without the right learns nothing from validation
		access.require(accountId, Permission.CHANGE_ACCOUNT_DETAILS);
		PostalAddress billing = null;
		if (!sameAsService) {
			try {
				billing = new PostalAddress(line1, line2, city, state, zip);
			}
			catch (InvalidValueException e) {
				var form = new AddressForm(accountId.value().toString(), false, limit(line1), limit(line2), limit(city),
						limit(state), limit(zip));
				pageModel(model, current, form, Map.of(addressField(e.messageKey()), message(e.messageKey(), locale)));
				return "identity/profile";
			}
		}
		profile.changeBillingAddress(accountId, billing, ClientInfo.of(request));
		redirect.addFlashAttribute("saved", "profile.address.saved");
		return "redirect:/settings/profile";
	}

	@GetMapping("/settings/profile/email")
	String emailPage(HttpSession session, Model model) {
		CurrentLogin current = access.requireLogin();
		reauthentication.require();
		model.addAttribute("currentEmail", identity.find(current.id()).map(Login::email).map(EmailAddress::value).orElse(""));
		model.addAttribute("newEmail", "");
		model.addAttribute("errors", Map.of());
		model.addAttribute("pending", session.getAttribute(PENDING_EMAIL));
		model.addAttribute("section", "settings");
		return "identity/profile-email";
	}

	@PostMapping("/settings/profile/email")
	String requestEmail(@RequestParam(defaultValue = "") String newEmail, HttpSession session,
			HttpServletRequest request, Locale locale, Model model) {
		CurrentLogin current = access.requireLogin();
		reauthentication.require();
		String error;
		try {
			EmailAddress address = new EmailAddress(newEmail);
			profile.requestEmailChange(current.id(), address, emailLinkBrowser(request, session));
			session.setAttribute(PENDING_EMAIL, address.masked());
			return "redirect:/settings/profile/email";
		}
		catch (InvalidValueException e) {
			error = message(profileKey(e.messageKey()), locale);
		}
		catch (TooManyCodesException e) {
			error = tooMany(e, locale);
		}
		model.addAttribute("currentEmail", identity.find(current.id()).map(Login::email).map(EmailAddress::value).orElse(""));
		model.addAttribute("newEmail", newEmail.length() > 254 ? "" : newEmail);
		model.addAttribute("errors", Map.of("newEmail", error));
		model.addAttribute("pending", null);
		model.addAttribute("section", "settings");
		return "identity/profile-email";
	}

	/**
	 * What ties the email-change link to the browser that asked: its device cookie (set at sign-in, kept for
	 * months), so the link still works there after signing out or an idle timeout; the session's token only
	 * when the browser has no device cookie.
	 */
	private static String emailLinkBrowser(HttpServletRequest request, HttpSession session) {
		return KnownDevices.tokenOf(request)
			.map(device -> "device:" + device)
			.orElseGet(() -> VerificationBrowser.token(session));
	}

	/** The link in the confirmation email: in the browser that asked for it, signed in or not. */
	@GetMapping("/settings/email/confirm")
	String confirmEmail(@RequestParam(defaultValue = "") String token, HttpSession session, HttpServletRequest request,
			Locale locale, Model model) {
		var signedIn = access.currentLogin().map(CurrentLogin::id).orElse(null);
		var result = profile.confirmEmailChange(token, emailLinkBrowser(request, session), signedIn,
				ClientInfo.of(request));
		if (result.confirmed()) {
			session.removeAttribute(PENDING_EMAIL);
			model.addAttribute("confirmed", true);
			model.addAttribute("maskedEmail", result.maskedEmail());
			model.addAttribute("problem", null);
		}
		else {
			model.addAttribute("confirmed", false);
			model.addAttribute("problem", result.taken() ? message("profile.email.taken", locale)
					: linkMessage(result.status(), locale));
		}
		model.addAttribute("signedIn", signedIn != null);
		return "identity/profile-email-confirmed";
	}

	@GetMapping("/settings/profile/phone")
	String phonePage(HttpSession session, Model model) {
		CurrentLogin current = access.requireLogin();
		reauthentication.require();
		phoneModel(model, current, session, "", Map.of());
		return "identity/profile-phone";
	}

	@PostMapping("/settings/profile/phone")
	String requestPhone(@RequestParam(defaultValue = "") String phone, HttpSession session, Locale locale, Model model) {
		CurrentLogin current = access.requireLogin();
		reauthentication.require();
		String error;
		try {
			PhoneNumber number = PhoneNumber.parse(phone);
			UUID id = profile.requestPhoneChange(current.id(), number, VerificationBrowser.token(session));
			session.setAttribute(PENDING_PHONE, new PendingPhone(id, number.masked()));
			return "redirect:/settings/profile/phone";
		}
		catch (InvalidValueException e) {
			error = message(profileKey(e.messageKey()), locale);
		}
		catch (TooManyCodesException e) {
			error = tooMany(e, locale);
		}
		phoneModel(model, current, session, phone.length() > 40 ? "" : phone, Map.of("phone", error));
		return "identity/profile-phone";
	}

	@PostMapping("/settings/profile/phone/confirm")
	String confirmPhone(@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
			Locale locale, Model model, RedirectAttributes redirect) {
		CurrentLogin current = access.requireLogin();
		if (!(session.getAttribute(PENDING_PHONE) instanceof PendingPhone pending)) {
			return "redirect:/settings/profile/phone";
		}
		var outcome = profile.confirmPhoneChange(current.id(), pending.verification(),
				VerificationBrowser.token(session), code.length() > 20 ? "" : code, ClientInfo.of(request));
		if (outcome.valid()) {
			session.removeAttribute(PENDING_PHONE);
			redirect.addFlashAttribute("saved", "profile.phone.saved");
			return "redirect:/settings/profile";
		}
		if (outcome.status() != Verifications.Status.WRONG) {
			// an ended code: ask for a new one
			session.removeAttribute(PENDING_PHONE);
		}
		String error = switch (outcome.status()) {
			case WRONG -> messages.getMessage("profile.code.wrong", new Object[] { outcome.triesLeft() }, locale);
			case EXPIRED -> message("profile.code.expired", locale);
			case USED -> message("profile.code.used", locale);
			case TOO_MANY_TRIES -> message("profile.code.too-many-tries", locale);
			default -> message("profile.code.unknown", locale);
		};
		phoneModel(model, current, session, "", Map.of("code", error));
		if (outcome.status() != Verifications.Status.WRONG) {
			model.addAttribute("codeProblem", error);
		}
		return "identity/profile-phone";
	}

	/** The billing-address form: what is on file, or what was typed when it was refused. */
	record AddressForm(String account, boolean sameAsService, String line1, String line2, String city, String state,
			String zip) {

		static AddressForm of(ServiceAccount account) {
			var billing = account.billingAddress();
			return new AddressForm(account.id().value().toString(), account.billsToServiceAddress(), billing.line1(),
					billing.line2() == null ? "" : billing.line2(), billing.city(), billing.state(), billing.zip());
		}
	}

	private void pageModel(Model model, CurrentLogin current, @Nullable AddressForm form, Map<String, String> errors) {
		Login login = identity.find(current.id()).orElseThrow();
		var person = customers.findPerson(login.person()).orElseThrow();
		model.addAttribute("section", "settings");
		model.addAttribute("login", login);
		model.addAttribute("phone", identity.phoneOf(current.id()).map(PhoneNumber::display).orElse(null));
		model.addAttribute("language", person.language().tag());
		if (!model.containsAttribute("customerIdValue")) {
			model.addAttribute("customerIdValue", login.customerId().value());
		}
		model.addAttribute("errors", errors);
		ServiceAccount account = access.currentAccount().flatMap(customers::find).orElse(null);
		model.addAttribute("account", account);
		if (account != null) {
			GrantRole role = access.roleOn(account.id()).orElse(GrantRole.VIEWER);
			model.addAttribute("canChangeAddress", role.allows(Permission.CHANGE_ACCOUNT_DETAILS));
			model.addAttribute("address", form != null ? form : AddressForm.of(account));
		}
	}

	private void phoneModel(Model model, CurrentLogin current, HttpSession session, String typed,
			Map<String, String> errors) {
		model.addAttribute("section", "settings");
		model.addAttribute("currentPhone", identity.phoneOf(current.id()).map(PhoneNumber::display).orElse(null));
		model.addAttribute("phoneValue", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("pending", session.getAttribute(PENDING_PHONE) instanceof PendingPhone pending ? pending : null);
	}

	private static ServiceAccountId accountId(String value) {
		try {
			return new ServiceAccountId(UUID.fromString(value));
		}
		catch (IllegalArgumentException e) {
			throw new org.portico.identity.NoGrantException();
		}
	}

	/** The field a refused address belongs to, from its message key. */
	private static String addressField(String key) {
		for (String field : new String[] { "line1", "line2", "city", "state", "zip" }) {
			if (key.startsWith("validation.address." + field)) {
				return field;
			}
		}
		return "line1";
	}

	/** Identity's own refusals, in this page's words. */
	private static String profileKey(String key) {
		return switch (key) {
			case "identity.email.taken" -> "profile.email.taken";
			case "identity.customer-id.taken" -> "profile.customer-id.taken";
			default -> key;
		};
	}

	private static String limit(String value) {
		return value.length() > 100 ? value.substring(0, 100) : value;
	}

	private String tooMany(TooManyCodesException e, Locale locale) {
		return messages.getMessage("profile.code.too-many",
				new Object[] { PasswordRecoveryController.retryTime(e.retryAfter(), clock, locale) }, locale);
	}

	private String linkMessage(Verifications.Status status, Locale locale) {
		return switch (status) {
			case EXPIRED -> message("profile.link.expired", locale);
			case USED -> message("profile.link.used", locale);
			default -> message("profile.link.unknown", locale);
		};
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
