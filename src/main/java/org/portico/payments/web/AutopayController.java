package org.portico.payments.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.identity.AccountAccess;
import org.portico.identity.Permission;
import org.portico.identity.Reauthentication;
import org.portico.payments.Autopay;
import org.portico.payments.AutopayProperties;
import org.portico.payments.AutopayRefusedException;
import org.portico.payments.AutopayState;
import org.portico.payments.Consent;
import org.portico.payments.PaymentMethod;
import org.portico.payments.PaymentMethodId;
import org.portico.payments.PaymentMethodKind;
import org.portico.payments.PaymentMethods;
import org.portico.payments.PaymentOptions;
import org.portico.payments.Payments;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;
import org.portico.shared.ProviderProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Autopay of the current account at {@code /payments/autopay}. Everyone on the account sees whether it is
 * on and what it will pay next (owners and managers also see the method it charges); only the owner turns
 * it on or off, each after re-entering the password if it was not given in the last minutes — the same
 * steps either way, so that turning it off is as easy as turning it on. Turning it on needs the
 * authorisation box ticked; the text shown, naming the default method, is recorded word for word. A form
 * shown before a change (autopay turned on or off meanwhile, the default method changed) changes nothing
 * and says why.
 */
@Controller
class AutopayController {

	private static final String PAGE = "redirect:/payments/autopay";

	private final AccountAccess access;

	private final Autopay autopay;

	private final PaymentMethods methods;

	private final Payments payments;

	private final CustomerManagement customers;

	private final Reauthentication reauthentication;

	private final MessageSource messages;

	private final ProviderProperties provider;

	private final AutopayProperties properties;

	private final Clock clock;

	AutopayController(AccountAccess access, Autopay autopay, PaymentMethods methods, Payments payments,
			CustomerManagement customers, Reauthentication reauthentication, MessageSource messages,
			ProviderProperties provider, AutopayProperties properties, Clock clock) {
		this.properties = properties;
		this.access = access;
		this.autopay = autopay;
		this.methods = methods;
		this.payments = payments;
		this.customers = customers;
		this.reauthentication = reauthentication;
		this.messages = messages;
		this.provider = provider;
		this.clock = clock;
	}

	@GetMapping("/payments/autopay")
	String page(Model model, Locale locale) {
		ServiceAccountId id = access.requireCurrentAccount(Permission.VIEW_ACCOUNT);
		return page(model, account(id), locale, null);
	}

	@PostMapping("/payments/autopay")
	String enrol(@RequestParam(required = false) @Nullable String consent,
			@RequestParam(defaultValue = "") String method, HttpServletRequest request, Locale locale, Model model,
			RedirectAttributes redirect) {
		ServiceAccountId id = access.requireCurrentAccount(Permission.MANAGE_PAYMENT_METHODS);
		// a form cannot be replayed after the password: back to the page, where the button is pressed again
		reauthentication.require("/payments/autopay");
		ServiceAccount account = account(id);
		if (!"yes".equals(consent)) {
			return page(model, account, locale, "payments.autopay.consent.required");
		}
		Optional<PaymentMethod> current = methods.defaultMethod(id);
		PaymentMethodId shown = methodId(method);
		if (shown == null || current.isEmpty()) {
			// a form without a method, or no default any more: the refusal says which
			return refused(redirect, current.isEmpty() ? "no_method" : "method_changed");
		}
		try {
			autopay.enrol(id, access.requireLogin().id(),
					new Consent(consentText(current.get(), account, locale), request.getRemoteAddr()), shown);
		}
		catch (AutopayRefusedException e) {
			return refused(redirect, e.code());
		}
		redirect.addFlashAttribute("flashSuccess", "payments.autopay.enrolled");
		return PAGE;
	}

	@PostMapping("/payments/autopay/cancel")
	String cancel(RedirectAttributes redirect) {
		ServiceAccountId id = access.requireCurrentAccount(Permission.MANAGE_PAYMENT_METHODS);
		// a form cannot be replayed after the password: back to the page, where the button is pressed again
		reauthentication.require("/payments/autopay");
		try {
			autopay.cancel(id, access.requireLogin().id());
		}
		catch (AutopayRefusedException e) {
			return refused(redirect, e.code());
		}
		redirect.addFlashAttribute("flashSuccess", "payments.autopay.cancelled");
		return PAGE;
	}

	private String page(Model model, ServiceAccount account, Locale locale, @Nullable String consentError) {
		ServiceAccountId id = account.id();
		LocalDate today = LocalDate.now(clock);
		AutopayState state = autopay.state(id);
		boolean mayPay = allows(id, Permission.MAKE_PAYMENT);
		boolean mayChange = allows(id, Permission.MANAGE_PAYMENT_METHODS);
		PaymentMethod method = mayPay ? methods.defaultMethod(id).orElse(null) : null;
		model.addAttribute("account", account);
		model.addAttribute("state", state);
		model.addAttribute("mayChange", mayChange);
		model.addAttribute("mayPay", mayPay);
		model.addAttribute("method", method);
		model.addAttribute("methodTitle", method == null ? null : title(method, locale));
		model.addAttribute("methodExpired", method != null && method.isExpiredOn(today));
		model.addAttribute("consentText",
				method == null || state.enrolled() ? null : consentText(method, account, locale));
		model.addAttribute("consentError", consentError);
		model.addAttribute("retrying", state.nextRetryOn() != null);
		model.addAttribute("reminderDays", properties.reminderDaysBefore());
		if (!state.enrolled()) {
			// what turning it on today would pay first: a statement due after today, or the next one
			PaymentOptions options = payments.options(id);
			boolean dueLater = options.dueDate() != null && options.dueDate().isAfter(today)
					&& positive(options.amountDueNow());
			model.addAttribute("firstDueDate", dueLater ? options.dueDate() : null);
			model.addAttribute("firstAmount", dueLater ? options.amountDueNow().formatted() : null);
			model.addAttribute("owedNow",
					!dueLater && positive(options.amountDueNow()) ? options.amountDueNow().formatted() : null);
		}
		return "payments/autopay";
	}

	/** The authorisation exactly as the page shows it, in the reader's language: what is recorded. */
	private String consentText(PaymentMethod method, ServiceAccount account, Locale locale) {
		String key = method.kind() == PaymentMethodKind.CARD ? "payments.autopay.consent.card"
				: "payments.autopay.consent.bank";
		return messages.getMessage(key, new Object[] { provider.name(), title(method, locale),
				account.number().display(), provider.supportPhone() }, locale);
	}

	private String title(PaymentMethod method, Locale locale) {
		if (method.kind() == PaymentMethodKind.CARD) {
			String other = messages.getMessage("payments.methods.brand.other", null, locale);
			String brand = method.brand() == null ? other
					: messages.getMessage("payments.methods.brand." + method.brand(), null, other, locale);
			return messages.getMessage("payments.methods.card.title", new Object[] { brand, method.last4() }, locale);
		}
		String type = messages.getMessage(
				"payments.methods.bank." + ("savings".equals(method.accountType()) ? "savings" : "checking"), null,
				locale);
		return messages.getMessage("payments.methods.bank.title", new Object[] { type, method.last4() }, locale);
	}

	private static String refused(RedirectAttributes redirect, String code) {
		redirect.addFlashAttribute("flashError", "payments.autopay.refused." + code);
		return PAGE;
	}

	private boolean allows(ServiceAccountId account, Permission permission) {
		return access.roleOn(account).map(role -> role.allows(permission)).orElse(false);
	}

	private ServiceAccount account(ServiceAccountId id) {
		return customers.find(id).orElseThrow(() -> new UnknownServiceAccountException(id));
	}

	private static @Nullable PaymentMethodId methodId(String id) {
		try {
			return PaymentMethodId.parse(id);
		}
		catch (InvalidValueException malformed) {
			return null;
		}
	}

	private static boolean positive(Money amount) {
		return !amount.isZero() && !amount.isNegative();
	}
}
