package org.portico.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import org.portico.customer.ServiceAccountId;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.identity.AccountAccess;
import org.portico.identity.GrantRole;
import org.portico.identity.Permission;
import org.portico.notifications.NotificationManagement;
import org.portico.notifications.UnreadNotices;
import org.portico.shared.Language;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard: the account's standing at a glance, from the projection's one row plus the login's unread
 * notices. Three SQL statements a view besides the session's own: the login's grants (the authorisation
 * check, read once per request), the row, and the unread notices with their count — which the layout's
 * bell then reuses instead of counting again. A missing row (an account that never had an event) is
 * computed on its first view and stored.
 */
@Controller
class DashboardController {

	static final int NOTICES_SHOWN = 3;

	private final AccountAccess access;

	private final OverviewRepository overviews;

	private final OverviewRefresher refresher;

	private final NotificationManagement notifications;

	private final Clock clock;

	DashboardController(AccountAccess access, OverviewRepository overviews, OverviewRefresher refresher,
			NotificationManagement notifications, Clock clock) {
		this.access = access;
		this.overviews = overviews;
		this.refresher = refresher;
		this.notifications = notifications;
		this.clock = clock;
	}

	@GetMapping("/dashboard")
	String dashboard(Model model) {
		var current = access.currentAccount();
		if (current.isEmpty()) {
			return "dashboard/no-account";
		}
		ServiceAccountId account = current.get();
		access.require(account, Permission.VIEW_ACCOUNT);
		GrantRole role = access.roleOn(account).orElseThrow();
		var stored = overviews.find(account)
			.or(() -> refresher.refresh(account))
			.orElseThrow(() -> new UnknownServiceAccountException(account));
		UnreadNotices unread = notifications.unread(access.requireLogin().id(), NOTICES_SHOWN);
		model.addAttribute("unreadNotifications", unread.count());
		model.addAttribute("view", DashboardView.of(stored, LocalDate.now(clock), role,
				Language.of(LocaleContextHolder.getLocale()), unread.count(), unread.latest()));
		return "dashboard/dashboard";
	}
}
