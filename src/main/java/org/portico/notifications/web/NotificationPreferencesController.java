package org.portico.notifications.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.Person;
import org.portico.identity.AccountAccess;
import org.portico.identity.CurrentLogin;
import org.portico.identity.IdentityManagement;
import org.portico.notifications.NotificationManagement;
import org.portico.notifications.Preferences;
import org.portico.shared.InvalidValueException;
import org.portico.shared.PhoneNumber;
import org.portico.shared.ProviderProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Notification settings: which notices the signed-in login gets on which channel, and its consent to text
 * messages. Each login manages its own, whatever its role on an account (DECISIONS.md), so being signed in
 * is the only check. Every form posts and redirects back here, so the address bar always shows this page.
 */
@Controller
@RequestMapping("/settings/notifications")
class NotificationPreferencesController {

	private static final String PAGE = "redirect:/settings/notifications";

	private final AccountAccess access;

	private final NotificationManagement notifications;

	private final IdentityManagement identity;

	private final CustomerManagement customers;

	private final MessageSource messages;

	private final ProviderProperties provider;

	NotificationPreferencesController(AccountAccess access, NotificationManagement notifications,
			IdentityManagement identity, CustomerManagement customers, MessageSource messages,
			ProviderProperties provider) {
		this.access = access;
		this.notifications = notifications;
		this.identity = identity;
		this.customers = customers;
		this.messages = messages;
		this.provider = provider;
	}

	@GetMapping
	String preferences(Model model, Locale locale) {
		CurrentLogin login = access.requireLogin();
		Preferences preferences = notifications.preferencesOf(login.id());
		model.addAttribute("grid", PreferenceGrid.of(preferences));
		model.addAttribute("channels", PreferenceGrid.CHANNELS);
		model.addAttribute("smsPhoneOnFile", preferences.smsPhone() == null ? null : preferences.smsPhone().display());
		model.addAttribute("consentText", consentText(locale));
		if (!model.containsAttribute("phone")) {
			model.addAttribute("phone", ownPhone(login).map(PhoneNumber::display).orElse(""));
		}
		if (!model.containsAttribute("smsErrors")) {
			model.addAttribute("smsErrors", Map.of());
		}
		return "notifications/web/preferences";
	}

	/** Saves the grid: ticked boxes on, unticked editable boxes off; disabled boxes are not sent. */
	@PostMapping
	String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		CurrentLogin login = access.requireLogin();
		Preferences preferences = notifications.preferencesOf(login.id());
		try {
			notifications.choose(login.id(), PreferenceGrid.choicesFrom(form, preferences));
			redirect.addFlashAttribute("flashSuccess", "notifications.preferences.saved");
		}
		catch (InvalidValueException e) {
			// choose() changes nothing when it refuses one choice: the whole save is one transaction.
			redirect.addFlashAttribute("flashError", e.messageKey());
		}
		return PAGE;
	}

	/** Turns texts on: a valid number and the ticked consent box, recorded with the words shown. */
	@PostMapping("/texts")
	String turnOnTexts(@RequestParam(defaultValue = "") String phone,
			@RequestParam(name = "agree", required = false) @Nullable String agree, Locale locale,
			HttpServletRequest request, RedirectAttributes redirect) {
		CurrentLogin login = access.requireLogin();
		Map<String, String> errors = new LinkedHashMap<>();
		PhoneNumber number = null;
		try {
			number = PhoneNumber.parse(phone);
		}
		catch (InvalidValueException e) {
			errors.put("phone", e.messageKey());
		}
		if (!"yes".equals(agree)) {
			errors.put("agree", "notifications.preferences.sms.agree.required");
		}
		if (number == null || !errors.isEmpty()) {
			redirect.addFlashAttribute("smsErrors", errors);
			redirect.addFlashAttribute("phone", phone.length() > 40 ? "" : phone);
			return PAGE + "#texts";
		}
		notifications.consentToSms(login.id(), number, consentText(locale), request.getRemoteAddr());
		redirect.addFlashAttribute("smsSuccess", "notifications.preferences.sms.turned-on");
		redirect.addFlashAttribute("smsSuccessArgument", number.display());
		return PAGE + "#texts";
	}

	@PostMapping("/texts/off")
	String turnOffTexts(RedirectAttributes redirect) {
		CurrentLogin login = access.requireLogin();
		notifications.withdrawSmsConsent(login.id());
		redirect.addFlashAttribute("smsSuccess", "notifications.preferences.sms.turned-off");
		return PAGE + "#texts";
	}

	/** The consent wording exactly as the page shows it, in the reader's language. */
	private String consentText(Locale locale) {
		return messages.getMessage("notifications.preferences.sms.consent", new Object[] { provider.name() }, locale);
	}

	/**
	 * The number to suggest: the signed-in person's own phone of record. (For a household member that is
	 * their own number, never the account holder's: texts go to whoever asked for them.)
	 */
	private Optional<PhoneNumber> ownPhone(CurrentLogin login) {
		return identity.find(login.id())
			.flatMap(found -> customers.findPerson(found.person()))
			.map(Person::phone);
	}
}
