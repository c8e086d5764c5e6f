package org.portico;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.portico.customer.ServiceAccount;
import org.portico.identity.GrantRole;
import org.portico.identity.Login;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The shared authorisation matrix (DECISIONS.md): runs an endpoint as the account's owner, a manager, a
 * viewer, another customer and an anonymous caller — each signed in through the real sign-in form and
 * session — and checks that exactly the allowed roles get through. Pages show the account the login
 * has switched to, so another customer first tries to switch to the account (refused as "not found")
 * and then must not see any of its data.
 */
public final class AuthorizationMatrix {

	public enum Caller {
		OWNER, MANAGER, VIEWER, OTHER_CUSTOMER, ANONYMOUS
	}

	private final MockMvc mvc;

	private final AccountFixtures fixtures;

	private AuthorizationMatrix(MockMvc mvc, AccountFixtures fixtures) {
		this.mvc = mvc;
		this.fixtures = fixtures;
	}

	public static AuthorizationMatrix with(MockMvc mvc, AccountFixtures fixtures) {
		return new AuthorizationMatrix(mvc, fixtures);
	}

	/**
	 * Checks an endpoint of the current account. {@code allowed} callers must get a successful answer that
	 * shows the account's number; household roles outside it get 403; another customer and an anonymous
	 * caller never see the account.
	 */
	public void verify(Function<ServiceAccount, MockHttpServletRequestBuilder> request, Set<Caller> allowed)
			throws Exception {
		var target = fixtures.ownedAccount();
		ServiceAccount account = target.account();
		for (Caller caller : Caller.values()) {
			MvcResult result = switch (caller) {
				case ANONYMOUS -> mvc.perform(request.apply(account)).andReturn();
				case OWNER -> asLogin(target.owner(), account, request, true);
				case MANAGER -> asLogin(fixtures.member(account, GrantRole.MANAGER), account, request, true);
				case VIEWER -> asLogin(fixtures.member(account, GrantRole.VIEWER), account, request, true);
				case OTHER_CUSTOMER -> asLogin(fixtures.ownedAccount().owner(), account, request, false);
			};
			String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			int status = result.getResponse().getStatus();
			String what = caller + " on " + result.getRequest().getRequestURI();
			if (allowed.contains(caller)) {
				assertThat(status).as(what).isBetween(200, 399);
				String redirect = result.getResponse().getRedirectedUrl();
				assertThat(redirect == null || !redirect.contains("/login")).as(what + " redirected to " + redirect).isTrue();
				if (status == 200) {
					assertThat(body).as(what).contains(account.number().display());
				}
			}
			else if (caller == Caller.ANONYMOUS) {
				assertThat(status).as(what).isEqualTo(302);
				assertThat(result.getResponse().getRedirectedUrl()).as(what).endsWith("/login");
			}
			else if (caller == Caller.OTHER_CUSTOMER) {
				assertThat(body).as(what).doesNotContain(account.number().display())
					.doesNotContain(account.holder().email().value());
				assertThat(body).as(what).doesNotContain(account.serviceAddress().line1());
			}
			else {
				assertThat(status).as(what).isEqualTo(403);
			}
		}
	}

	public static Set<Caller> all(Caller... callers) {
		var set = EnumSet.noneOf(Caller.class);
		set.addAll(java.util.List.of(callers));
		return set;
	}

	private MvcResult asLogin(Login login, ServiceAccount account,
			Function<ServiceAccount, MockHttpServletRequestBuilder> request, boolean holdsGrant) throws Exception {
		Cookie session = signIn(mvc, login.email().value(), AccountFixtures.SECRET);
		MvcResult switched = mvc
			.perform(post("/account/switch").param("account", account.id().toString()).cookie(session).with(csrf()))
			.andReturn();
		if (holdsGrant) {
			assertThat(switched.getResponse().getStatus()).as("switch as grant holder").isEqualTo(302);
		}
		else {
			assertThat(switched.getResponse().getStatus()).as("switch to a foreign account").isEqualTo(404);
		}
		return mvc.perform(request.apply(account).cookie(session)).andReturn();
	}

	/** Signs in through the real form and returns the session cookie. */
	public static Cookie signIn(MockMvc mvc, String username, String password) throws Exception {
		MvcResult result = mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of " + username).endsWith("/dashboard");
		Cookie cookie = result.getResponse().getCookie("SESSION");
		assertThat(cookie).as("session cookie").isNotNull();
		return cookie;
	}

	public static MockHttpServletRequestBuilder page(String path) {
		return get(path);
	}
}
