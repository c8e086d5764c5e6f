package org.portico.payments.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.identity.AccountAccess;
import org.portico.identity.Permission;
import org.portico.identity.Reauthentication;
import org.portico.payments.Consent;
import org.portico.payments.PaymentMethod;
import org.portico.payments.PaymentMethodId;
import org.portico.payments.PaymentMethodKind;
import org.portico.payments.PaymentMethods;
import org.portico.payments.PaymentsProperties;
import org.portico.payments.integration.GatewayRejectedException;
import org.portico.payments.integration.GatewayUnavailableException;
import org.portico.payments.integration.PaymentGateway;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Language;
import org.portico.shared.ProviderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved payment methods of the current account under {@code /payments/methods}. Owners and managers see
 * them (a manager pays with them); only the owner adds, removes or changes the default, each time after
 * re-entering the password (the add page asks before any card detail is typed). Cards and bank accounts
 * are entered in the gateway's hosted fields, which send the numbers to the gateway and give this page
 * only a single-use token; the consent shown is recorded word for word. A method of another account, a
 * removed one and a malformed ID all answer “not found”.
 */
@Controller
class PaymentMethodsController {

	private static final Logger log = LoggerFactory.getLogger(PaymentMethodsController.class);

	private static final String LIST = "redirect:/payments/methods";

	/** What hosted-fields tokens look like (the sandbox's and Stripe's): anything else is not sent on. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,128}");

	private final AccountAccess access;

	private final PaymentMethods methods;

	private final PaymentGateway gateway;

	private final CustomerManagement customers;

	private final Reauthentication reauthentication;

	private final MessageSource messages;

	private final ProviderProperties provider;

	private final PaymentsProperties properties;

	private final Clock clock;

	PaymentMethodsController(AccountAccess access, PaymentMethods methods, PaymentGateway gateway,
			CustomerManagement customers, Reauthentication reauthentication, MessageSource messages,
			ProviderProperties provider, PaymentsProperties properties, Clock clock) {
		this.access = access;
		this.methods = methods;
		this.gateway = gateway;
		this.customers = customers;
		this.reauthentication = reauthentication;
		this.messages = messages;
		this.provider = provider;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/payments/methods")
	String list(Model model, Locale locale) {
		// managers may see (and pay with) the methods; viewers may not (DECISIONS.md permissions)
		ServiceAccountId account = access.requireCurrentAccount(Permission.MAKE_PAYMENT);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("account", account(account));
		model.addAttribute("methods",
				methods.methods(account).stream().map(method -> row(method, today, locale)).toList());
		model.addAttribute("mayManage", mayManage(account));
		return "payments/methods/list";
	}

	@GetMapping("/payments/methods/new")
	String addPage(@RequestParam(defaultValue = "card") String kind, Model model, Locale locale) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.MANAGE_PAYMENT_METHODS);
		PaymentMethodKind chosen = kind(kind);
		reauthentication.require(addPath(chosen));
		return form(model, account(account), chosen, locale, false, null, null);
	}

	@PostMapping("/payments/methods")
	String add(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String kind,
			@RequestParam(required = false) @Nullable String consent,
			@RequestParam(defaultValue = "false") boolean makeDefault, HttpServletRequest request, Locale locale,
			Model model, RedirectAttributes redirect) {
		ServiceAccountId accountId = access.requireCurrentAccount(Permission.MANAGE_PAYMENT_METHODS);
		PaymentMethodKind chosen = kind(kind);
		reauthentication.require(addPath(chosen));
		ServiceAccount account = account(accountId);
		if (!"yes".equals(consent)) {
			return form(model, account, chosen, locale, makeDefault, "payments.methods.new.consent.required", null);
		}
		if (!TOKEN.matcher(token).matches()) {
			return form(model, account, chosen, locale, makeDefault, null, "payments.methods.new.token-missing");
		}
		try {
			methods.add(accountId, token, chosen, makeDefault, access.requireLogin().id(),
					new Consent(consentText(chosen, account, locale), request.getRemoteAddr()));
		}
		catch (GatewayRejectedException e) {
			log.info("The gateway refused a {} token for account {}: {}", chosen, accountId, e.code());
			return form(model, account, chosen, locale, makeDefault, null, rejection(e.code()));
		}
		catch (GatewayUnavailableException e) {
			log.warn("The gateway did not answer while a {} was saved for account {}", chosen, accountId);
			return form(model, account, chosen, locale, makeDefault, null, "payments.methods.new.unavailable");
		}
		redirect.addFlashAttribute("flashSuccess",
				chosen == PaymentMethodKind.CARD ? "payments.methods.added.card" : "payments.methods.added.bank");
		return LIST;
	}

	@PostMapping("/payments/methods/{id}/default")
	String makeDefault(@PathVariable String id, RedirectAttributes redirect) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.MANAGE_PAYMENT_METHODS);
		reauthentication.require("/payments/methods");
		if (!methods.makeDefault(account, methodId(id))) {
			throw new MethodNotFound();
		}
		redirect.addFlashAttribute("flashSuccess", "payments.methods.default-changed");
		return LIST;
	}

	/** The confirmation step before a removal. */
	@GetMapping("/payments/methods/{id}/remove")
	String removePage(@PathVariable String id, Model model, Locale locale) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.MANAGE_PAYMENT_METHODS);
		PaymentMethodId methodId = methodId(id);
		reauthentication.require("/payments/methods/" + methodId + "/remove");
		PaymentMethod method = methods.find(account, methodId).orElseThrow(MethodNotFound::new);
		model.addAttribute("account", account(account));
		model.addAttribute("method", row(method, LocalDate.now(clock), locale));
		model.addAttribute("others", methods.methods(account).size() > 1);
		return "payments/methods/remove";
	}

	@PostMapping("/payments/methods/{id}/remove")
	String remove(@PathVariable String id, RedirectAttributes redirect) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.MANAGE_PAYMENT_METHODS);
		PaymentMethodId methodId = methodId(id);
		reauthentication.require("/payments/methods/" + methodId + "/remove");
		if (!methods.remove(account, methodId)) {
			throw new MethodNotFound();
		}
		redirect.addFlashAttribute("flashSuccess", "payments.methods.removed");
		return LIST;
	}

	@ExceptionHandler(MethodNotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	private String form(Model model, ServiceAccount account, PaymentMethodKind kind, Locale locale,
			boolean makeDefault, @Nullable String consentError, @Nullable String formError) {
		model.addAttribute("account", account);
		model.addAttribute("kind", kind == PaymentMethodKind.CARD ? "card" : "bank_account");
		model.addAttribute("card", kind == PaymentMethodKind.CARD);
		model.addAttribute("hostedFields", gateway.hostedFields());
		model.addAttribute("consentText", consentText(kind, account, locale));
		model.addAttribute("makeDefault", makeDefault);
		model.addAttribute("hasMethods", !methods.methods(account.id()).isEmpty());
		model.addAttribute("consentError", consentError);
		model.addAttribute("formError", formError);
		model.addAttribute("locale", Language.of(locale).tag());
		return "payments/methods/new";
	}

	/** The consent exactly as the add page shows it, in the reader's language: what is recorded. */
	private String consentText(PaymentMethodKind kind, ServiceAccount account, Locale locale) {
		return kind == PaymentMethodKind.CARD
				? messages.getMessage("payments.methods.consent.card",
						new Object[] { provider.name(), account.number().display() }, locale)
				: messages.getMessage("payments.methods.consent.bank",
						new Object[] { provider.name(), account.number().display(), provider.supportPhone() }, locale);
	}

	private static String rejection(String code) {
		return switch (code) {
			case "token_invalid", "token_used", "token_expired" -> "payments.methods.new.rejected.token";
			case "kind_mismatch" -> "payments.methods.new.rejected.kind";
			case "routing_number_invalid" -> "payments.methods.new.rejected.routing";
			default -> code.startsWith("token") ? "payments.methods.new.rejected.token"
					: "payments.methods.new.rejected.declined";
		};
	}

	private MethodRow row(PaymentMethod method, LocalDate today, Locale locale) {
		String expires = method.expires() == null ? null
				: method.expires().format(DateTimeFormatter.ofPattern("MM/yyyy", locale));
		String title;
		String detail = null;
		if (method.kind() == PaymentMethodKind.CARD) {
			title = messages.getMessage("payments.methods.card.title", new Object[] { brand(method.brand(), locale),
					method.last4() }, locale);
		}
		else {
			String type = messages.getMessage("payments.methods.bank." + ("savings".equals(method.accountType())
					? "savings" : "checking"), null, locale);
			title = messages.getMessage("payments.methods.bank.title", new Object[] { type, method.last4() }, locale);
			detail = method.bankName() == null
					? messages.getMessage("payments.methods.bank.detail.routing",
							new Object[] { method.routingNumber() }, locale)
					: messages.getMessage("payments.methods.bank.detail",
							new Object[] { method.bankName(), method.routingNumber() }, locale);
		}
		String added = DateTimeFormatter
			.ofPattern(messages.getMessage("format.date", null, "MMM d, yyyy", locale), locale)
			.format(method.addedAt().atZone(zone()).toLocalDate());
		return new MethodRow(method.id().toString(), method.kind() == PaymentMethodKind.CARD, title, detail, expires,
				method.isDefault(), method.expiresWithin(today, properties.expiryWarningDays()),
				method.isExpiredOn(today), added);
	}

	private String brand(@Nullable String brand, Locale locale) {
		String other = messages.getMessage("payments.methods.brand.other", null, locale);
		return brand == null ? other : messages.getMessage("payments.methods.brand." + brand, null, other, locale);
	}

	private ZoneId zone() {
		return clock.getZone();
	}

	private boolean mayManage(ServiceAccountId account) {
		return access.roleOn(account).map(role -> role.allows(Permission.MANAGE_PAYMENT_METHODS)).orElse(false);
	}

	private ServiceAccount account(ServiceAccountId id) {
		return customers.find(id).orElseThrow(() -> new UnknownServiceAccountException(id));
	}

	private static String addPath(PaymentMethodKind kind) {
		return "/payments/methods/new?kind=" + (kind == PaymentMethodKind.CARD ? "card" : "bank_account");
	}

	private static PaymentMethodKind kind(String kind) {
		return switch (kind) {
			case "card" -> PaymentMethodKind.CARD;
			case "bank_account" -> PaymentMethodKind.BANK_ACCOUNT;
			default -> throw new InvalidValueException("payments.methods.kind.invalid", "Not a kind of payment method");
		};
	}

	private static PaymentMethodId methodId(String id) {
		try {
			return PaymentMethodId.parse(id);
		}
		catch (InvalidValueException malformed) {
			throw new MethodNotFound();
		}
	}

	/**
	 * A saved method as the list shows it.
	 *
	 * @param expires {@code MM/yyyy} for a card
	 */
	record MethodRow(String id, boolean card, String title, @Nullable String detail, @Nullable String expires,
			boolean isDefault, boolean expiringSoon, boolean expired, String addedOn) {
	}

	/** No such method on the current account (another account's, a removed one or no method ID at all). */
	static final class MethodNotFound extends RuntimeException {

		MethodNotFound() {
			super("No such payment method on the current account", null, false, false);
		}
	}
}
