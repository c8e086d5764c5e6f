package org.portico.identity;

import java.util.List;
import java.util.Optional;
import org.portico.customer.ServiceAccountId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one authorisation check (DECISIONS.md): every controller and façade method that touches a service
 * account asks it first. It knows the signed-in login, its grants (read fresh once per request, so a
 * revoked grant stops working at once) and the account the login is currently looking at.
 */
@Component
public class AccountAccess {

	/** Session attribute holding the account the login has switched to. */
	public static final String CURRENT_ACCOUNT_ATTRIBUTE = "portico.currentAccount";

	private static final String GRANTS_ATTRIBUTE = AccountAccess.class.getName() + ".grants";

	private final LoginRepository logins;

	AccountAccess(LoginRepository logins) {
		this.logins = logins;
	}

	/** The signed-in login, if any. */
	public Optional<CurrentLogin> currentLogin() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !(authentication.getPrincipal() instanceof CurrentLogin login)) {
			return Optional.empty();
		}
		return Optional.of(login);
	}

	public CurrentLogin requireLogin() {
		return currentLogin().orElseThrow(() -> new AccountAccessDeniedException("Not signed in"));
	}

	/** The current login's grants, owner grants first. */
	public List<AccountGrant> grants() {
		var login = requireLogin();
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			@SuppressWarnings("unchecked")
			var cached = (List<AccountGrant>) request.getAttribute(GRANTS_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			if (cached != null) {
				return cached;
			}
		}
		var grants = logins.grantsOf(login.id());
		if (request != null) {
			request.setAttribute(GRANTS_ATTRIBUTE, grants, RequestAttributes.SCOPE_REQUEST);
		}
		return grants;
	}

	/** The current login's role on {@code account}, if it holds a grant there. */
	public Optional<GrantRole> roleOn(ServiceAccountId account) {
		return grants().stream().filter(g -> g.account().equals(account)).map(AccountGrant::role).findFirst();
	}

	/**
	 * Refuses unless the current login holds a grant on {@code account} whose role allows
	 * {@code permission}: {@link NoGrantException} (shown as “not found”) without any grant there,
	 * {@link AccountAccessDeniedException} (forbidden) when the role does not allow it.
	 */
	public void require(ServiceAccountId account, Permission permission) {
		GrantRole role = roleOn(account).orElseThrow(NoGrantException::new);
		if (!role.allows(permission)) {
			throw new AccountAccessDeniedException("Role " + role + " may not " + permission);
		}
	}

	/**
	 * The account the current login is looking at: the one it switched to, while it still holds a grant
	 * there; otherwise its first grant (its own account when it has one). Empty for a login without
	 * grants.
	 */
	public Optional<ServiceAccountId> currentAccount() {
		var grants = grants();
		var request = RequestContextHolder.getRequestAttributes();
		Object selected = request == null ? null
				: request.getAttribute(CURRENT_ACCOUNT_ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
		if (selected instanceof String id) {
			var match = grants.stream().filter(g -> g.account().value().toString().equals(id)).findFirst();
			if (match.isPresent()) {
				return Optional.of(match.get().account());
			}
		}
		return grants.stream().findFirst().map(AccountGrant::account);
	}

	/** The current account, with {@code permission} checked. */
	public ServiceAccountId requireCurrentAccount(Permission permission) {
		var account = currentAccount().orElseThrow(NoGrantException::new);
		require(account, permission);
		return account;
	}

	/** Switches the current login to another of its accounts; refuses accounts it holds no grant on. */
	public void switchTo(ServiceAccountId account) {
		require(account, Permission.VIEW_ACCOUNT);
		var request = RequestContextHolder.currentRequestAttributes();
		request.setAttribute(CURRENT_ACCOUNT_ATTRIBUTE, account.value().toString(), RequestAttributes.SCOPE_SESSION);
	}
}
