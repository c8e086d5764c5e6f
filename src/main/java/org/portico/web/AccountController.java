package org.portico.web;

import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccountId;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.identity.AccountAccess;
import org.portico.identity.GrantRole;
import org.portico.identity.Permission;
import org.portico.shared.Language;
import org.portico.subscriptions.AccountServices;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Account page (the account, its addresses, contacts, services and equipment) and the account
 * switcher for logins that hold grants to several accounts.
 */
@Controller
class AccountController {

	private final AccountAccess access;

	private final CustomerManagement customers;

	private final AccountServices services;

	AccountController(AccountAccess access, CustomerManagement customers, AccountServices services) {
		this.access = access;
		this.customers = customers;
		this.services = services;
	}

	@GetMapping("/account")
	String account(Model model) {
		ServiceAccountId id = access.requireCurrentAccount(Permission.VIEW_ACCOUNT);
		var account = customers.find(id).orElseThrow(() -> new UnknownServiceAccountException(id));
		GrantRole role = access.roleOn(id).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("role", role);
		// A household viewer sees the holder's contact details masked (CPNI: least exposure).
		model.addAttribute("showContactsInFull", role != GrantRole.VIEWER);
		model.addAttribute("services", services.of(id, Language.of(LocaleContextHolder.getLocale())));
		return "web/account";
	}

	@PostMapping("/account/switch")
	String switchAccount(@RequestParam("account") String account, @RequestParam(name = "next", defaultValue = "")
			String next, RedirectAttributes redirect) {
		access.switchTo(ServiceAccountId.parse(account));
		// Only our own pages: a path starting with a single slash, no scheme or host.
		boolean safe = next.matches("/(?!/)[A-Za-z0-9/_-]{0,64}");
		return "redirect:" + (safe ? next : "/dashboard");
	}
}
