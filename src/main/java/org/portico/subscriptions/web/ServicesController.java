package org.portico.subscriptions.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portico.catalog.BroadbandLabel;
import org.portico.catalog.CatalogManagement;
import org.portico.catalog.OfferingKind;
import org.portico.customer.CustomerManagement;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.identity.AccountAccess;
import org.portico.identity.Permission;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.portico.subscriptions.AccountServices;
import org.portico.subscriptions.ServiceLine;
import org.portico.subscriptions.SubscriptionStatus;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Services page: the current account's internet, TV and phone services and equipment, what each
 * costs a month, and the FCC broadband label of each internet plan.
 */
@Controller
class ServicesController {

	private final AccountAccess access;

	private final AccountServices services;

	private final CatalogManagement catalog;

	private final CustomerManagement customers;

	ServicesController(AccountAccess access, AccountServices services, CatalogManagement catalog,
			CustomerManagement customers) {
		this.access = access;
		this.services = services;
		this.catalog = catalog;
		this.customers = customers;
	}

	@GetMapping("/services")
	String services(Model model) {
		var account = access.requireCurrentAccount(Permission.VIEW_ACCOUNT);
		Language language = Language.of(LocaleContextHolder.getLocale());
		List<ServiceLine> lines = services.of(account, language);
		Map<String, List<ServiceLine>> groups = new LinkedHashMap<>();
		groups.put("internet", lines.stream().filter(l -> l.kind() == OfferingKind.INTERNET).toList());
		groups.put("tv", lines.stream()
			.filter(l -> l.kind() == OfferingKind.TV || l.kind() == OfferingKind.TV_ADDON)
			.toList());
		groups.put("phone", lines.stream()
			.filter(l -> l.kind() == OfferingKind.PHONE || l.kind() == OfferingKind.PHONE_FEATURE)
			.toList());
		groups.put("equipment", lines.stream().filter(ServiceLine::isEquipment).toList());
		List<BroadbandLabel> labels = groups.get("internet")
			.stream()
			.map(line -> catalog.broadbandLabel(line.offering()))
			.toList();
		Money total = lines.stream()
			.filter(line -> line.status() != SubscriptionStatus.PENDING)
			.map(ServiceLine::monthlyPrice)
			.reduce(Money.zero(Money.USD), Money::plus);
		model.addAttribute("groups", groups);
		model.addAttribute("labels", labels);
		model.addAttribute("language", language);
		model.addAttribute("monthlyTotal", total);
		model.addAttribute("empty", lines.isEmpty());
		model.addAttribute("account", customers.find(account).orElseThrow(() -> new UnknownServiceAccountException(account)));
		return "subscriptions/services";
	}
}
