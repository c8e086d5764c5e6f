package org.portico.billing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.portico.billing.BillingManagement;
import org.portico.billing.PaperlessChoice;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccountId;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.identity.AccountAccess;
import org.portico.identity.Permission;
import org.portico.shared.ProviderProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Paperless billing: owners and managers (DECISIONS.md: contact details and paperless) switch the
 * current account between statements by email only and paper statements by mail. Going paperless needs
 * the E-SIGN consent box ticked; the disclosure is recorded word for word with time, login and source
 * address. The switch applies from the next statement.
 */
@Controller
class PaperlessController {

	private static final String PAGE = "redirect:/billing/paperless";

	private final AccountAccess access;

	private final BillingManagement billing;

	private final MessageSource messages;

	private final ProviderProperties provider;

	private final CustomerManagement customers;

	PaperlessController(AccountAccess access, BillingManagement billing, MessageSource messages,
			ProviderProperties provider, CustomerManagement customers) {
		this.customers = customers;
		this.access = access;
		this.billing = billing;
		this.messages = messages;
		this.provider = provider;
	}

	@GetMapping("/billing/paperless")
	String paperless(Model model, Locale locale) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.CHANGE_ACCOUNT_DETAILS);
		model.addAttribute("paperless", billing.isPaperless(account));
		model.addAttribute("account",
				customers.find(account).orElseThrow(() -> new UnknownServiceAccountException(account)));
		model.addAttribute("consentText", consentText(locale));
		return "billing/paperless";
	}

	@PostMapping("/billing/paperless")
	String choose(@RequestParam(defaultValue = "") String choice,
			@RequestParam(name = "agree", required = false) @Nullable String agree, Locale locale,
			HttpServletRequest request, RedirectAttributes redirect) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.CHANGE_ACCOUNT_DETAILS);
		var login = access.requireLogin();
		if ("paperless".equals(choice)) {
			if (!"yes".equals(agree)) {
				redirect.addFlashAttribute("agreeError", "billing.paperless.agree.required");
				return PAGE;
			}
			billing.choosePaperless(account,
					new PaperlessChoice(true, login.id().value(), consentText(locale), request.getRemoteAddr()));
			redirect.addFlashAttribute("flashSuccess", "billing.paperless.turned-on");
		}
		else if ("paper".equals(choice)) {
			billing.choosePaperless(account, new PaperlessChoice(false, login.id().value(), null, request.getRemoteAddr()));
			redirect.addFlashAttribute("flashSuccess", "billing.paperless.turned-off");
		}
		else {
			redirect.addFlashAttribute("flashError", "billing.paperless.choice.invalid");
		}
		return PAGE;
	}

	/** The E-SIGN disclosure exactly as the page shows it, in the reader's language. */
	private String consentText(Locale locale) {
		return messages.getMessage("billing.paperless.consent", new Object[] { provider.name() }, locale);
	}
}
