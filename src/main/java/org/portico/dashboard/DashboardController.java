package org.portico.dashboard;

import org.portico.customer.CustomerManagement;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.identity.AccountAccess;
import org.portico.identity.Permission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard: for now, the account the customer is looking at and where to go next. */
@Controller
class DashboardController {

	private final AccountAccess access;

	private final CustomerManagement customers;

	DashboardController(AccountAccess access, CustomerManagement customers) {
		this.access = access;
		this.customers = customers;
	}

	@GetMapping("/dashboard")
	String dashboard(Model model) {
		var current = access.currentAccount();
		if (current.isEmpty()) {
			return "dashboard/no-account";
		}
		access.require(current.get(), Permission.VIEW_ACCOUNT);
		var account = customers.find(current.get()).orElseThrow(() -> new UnknownServiceAccountException(current.get()));
		model.addAttribute("account", account);
		model.addAttribute("role", access.roleOn(account.id()).orElseThrow());
		return "dashboard/dashboard";
	}
}
