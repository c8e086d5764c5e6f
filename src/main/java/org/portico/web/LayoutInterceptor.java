package org.portico.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.AccountAccess;
import org.portico.identity.AccountGrant;
import org.portico.identity.GrantRole;
import org.portico.notifications.NotificationManagement;
import org.portico.shared.Language;
import org.portico.shared.ProviderProperties;
import org.portico.shared.web.ContentSecurityPolicyFilter;
import org.portico.shared.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds what the layout shows on every page — branding, the signed-in name, the account switcher, the
 * notification bell's unread count, the current section, the demo ribbon — only when a page is actually
 * rendered (not for redirects or data).
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(LayoutInterceptor.class);

	private final ProviderProperties provider;

	private final AccountAccess access;

	private final CustomerManagement customers;

	private final NotificationManagement notifications;

	private final boolean demo;

	LayoutInterceptor(ProviderProperties provider, AccountAccess access, CustomerManagement customers,
			NotificationManagement notifications, @Value("${portico.demo.enabled:false}") boolean demo) {
		this.provider = provider;
		this.access = access;
		this.customers = customers;
		this.notifications = notifications;
		this.demo = demo;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		addLayout(request, view.getModel());
	}

	void addLayout(HttpServletRequest request, Map<String, Object> model) {
		model.put("provider", provider);
		model.put("supportHours", provider.supportHours().in(Language.of(LocaleContextHolder.getLocale())));
		model.put("demo", demo);
		model.put("lang", Language.of(LocaleContextHolder.getLocale()).tag());
		model.put("section", section(request.getRequestURI()));
		model.put("requestPath", request.getRequestURI());
		model.put("cspNonce", request.getAttribute(ContentSecurityPolicyFilter.NONCE_ATTRIBUTE));
		model.put("correlationId", CorrelationIdFilter.of(request));
		access.currentLogin().ifPresent(login -> {
			model.put("signedInName", login.firstName());
			try {
				addAccounts(model);
				// a page that read the count already (the dashboard, with its newest notices) is not asked twice
				if (!(model.get("unreadNotifications") instanceof Integer)) {
					model.put("unreadNotifications", notifications.unreadCount(login.id()));
				}
			}
			catch (DataAccessException e) {
				// An error page for a database outage must still render: without the switcher and the count.
				log.warn("Page layout without the account switcher or the unread count: {}",
						e.getClass().getSimpleName());
			}
		});
	}

	private void addAccounts(Map<String, Object> model) {
		List<AccountGrant> grants = access.grants();
		if (grants.size() > 1) {
			Map<ServiceAccountId, GrantRole> roles = grants.stream()
				.collect(Collectors.toMap(AccountGrant::account, AccountGrant::role));
			model.put("switchableAccounts", customers.findAll(roles.keySet())
				.stream()
				.map(account -> AccountSummary.of(account, roles.get(account.id())))
				.toList());
		}
		access.currentAccount().ifPresent(id -> model.put("currentAccountId", id.toString()));
	}

	private static String section(String path) {
		String[] parts = path.split("/");
		return parts.length > 1 ? parts[1] : "";
	}
}
