package org.portico.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portico.AuthorizationMatrix.Caller.MANAGER;
import static org.portico.AuthorizationMatrix.Caller.OWNER;
import static org.portico.AuthorizationMatrix.Caller.VIEWER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.demo.DemoCatalog;
import org.portico.identity.GrantRole;
import org.portico.identity.IdentityManagement;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class AccountPagesIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	IdentityManagement identity;

	@Autowired
	SubscriptionManagement subscriptions;

	@Test
	void accountPageFollowsTheAuthorisationMatrix() throws Exception {
		AuthorizationMatrix.with(mvc, fixtures).verify(account -> get("/account"), AuthorizationMatrix.all(OWNER, MANAGER, VIEWER));
	}

	@Test
	void servicesPageFollowsTheAuthorisationMatrix() throws Exception {
		AuthorizationMatrix.with(mvc, fixtures).verify(account -> get("/services"), AuthorizationMatrix.all(OWNER, MANAGER, VIEWER));
	}

	@Test
	void dashboardFollowsTheAuthorisationMatrix() throws Exception {
		AuthorizationMatrix.with(mvc, fixtures).verify(account -> get("/dashboard"), AuthorizationMatrix.all(OWNER, MANAGER, VIEWER));
	}

	@Test
	void accountPageShowsAddressesContactsServicesAndEquipment() throws Exception {
		var owned = fixtures.ownedAccount();
		var account = owned.account();
		subscriptions.start(account.id(), DemoCatalog.INTERNET_500, null, LocalDate.now().minusMonths(2));
		subscriptions.start(account.id(), DemoCatalog.GATEWAY, null, LocalDate.now().minusMonths(2), "RB-GW-TEST01");
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		String page = mvc.perform(get("/account").cookie(session)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains(account.number().display())
			.contains(account.holder().fullName())
			.contains(account.serviceAddress().line1())
			.contains("Same as the service address")
			.contains(account.holder().email().value())
			.contains(account.holder().phone().display())
			.contains("Internet 500")
			.contains("RB-GW-TEST01")
			.contains("$65.00");
	}

	@Test
	void viewerSeesTheHoldersContactDetailsMasked() throws Exception {
		var owned = fixtures.ownedAccount();
		var viewer = fixtures.member(owned.account(), GrantRole.VIEWER);
		Cookie session = AuthorizationMatrix.signIn(mvc, viewer.email().value(), AccountFixtures.SECRET);
		mvc.perform(post("/account/switch").param("account", owned.account().id().toString()).cookie(session).with(csrf()));
		String page = mvc.perform(get("/account").cookie(session)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains(owned.account().number().display())
			.doesNotContain(owned.account().holder().email().value())
			.doesNotContain(owned.account().holder().phone().display())
			.contains(owned.account().holder().email().masked());
	}

	@Test
	void servicesPageShowsTheBroadbandLabelOfTheInternetPlan() throws Exception {
		var owned = fixtures.ownedAccount();
		subscriptions.start(owned.account().id(), DemoCatalog.INTERNET_1G, null, LocalDate.now().minusDays(3));
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		String page = mvc.perform(get("/services").cookie(session)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("Broadband Facts")
			.contains("Typical Download Speed")
			.contains("Typical Latency")
			.contains("Unique Plan Identifier")
			.contains("Unlimited")
			.contains("$80.00");
		String spanish = mvc.perform(get("/services").param("lang", "es-US").cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(spanish).contains("Datos de banda ancha").contains("Sus servicios").contains("Ilimitados");
	}

	@Test
	void switcherAppearsOnlyForLoginsWithSeveralAccountsAndSwitches() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie single = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		assertThat(mvc.perform(get("/dashboard").cookie(single)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.doesNotContain("account-switch");

		var other = fixtures.ownedAccount();
		identity.grant(owned.owner().id(), other.account().id(), GrantRole.MANAGER);
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		String before = mvc.perform(get("/dashboard").cookie(session)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(before).contains("account-switch").contains("Account " + owned.account().number().display());

		var switched = mvc.perform(post("/account/switch").param("account", other.account().id().toString())
			.param("next", "/services")
			.cookie(session)
			.with(csrf())).andReturn();
		assertThat(switched.getResponse().getRedirectedUrl()).isEqualTo("/services");
		String after = mvc.perform(get("/dashboard").cookie(session)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(after).contains("Account " + other.account().number().display());
	}

	@Test
	void switchRefusesForeignUnknownAndMalformedAccountsAndOffSiteRedirects() throws Exception {
		var owned = fixtures.ownedAccount();
		var foreign = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		assertThat(switchTo(session, foreign.account().id().toString(), "/dashboard")).isEqualTo(404);
		assertThat(switchTo(session, java.util.UUID.randomUUID().toString(), "/dashboard")).isEqualTo(404);
		assertThat(switchTo(session, "not-an-id", "/dashboard")).isEqualTo(400);
		assertThat(switchTo(session, "x".repeat(5000), "/dashboard")).isEqualTo(400);
		var offSite = mvc.perform(post("/account/switch").param("account", owned.account().id().toString())
			.param("next", "//evil.example/phish")
			.cookie(session)
			.with(csrf())).andReturn();
		assertThat(offSite.getResponse().getRedirectedUrl()).isEqualTo("/dashboard");
		// still on its own account
		assertThat(mvc.perform(get("/account").cookie(session)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains(owned.account().number().display())
			.doesNotContain(foreign.account().number().display());
	}

	@Test
	void revokedGrantStopsWorkingOnTheNextRequest() throws Exception {
		var owned = fixtures.ownedAccount();
		var manager = fixtures.member(owned.account(), GrantRole.MANAGER);
		Cookie session = AuthorizationMatrix.signIn(mvc, manager.email().value(), AccountFixtures.SECRET);
		assertThat(switchTo(session, owned.account().id().toString(), "/account")).isEqualTo(302);
		identity.revoke(manager.id(), owned.account().id());
		String page = mvc.perform(get("/account").cookie(session)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).doesNotContain(owned.account().number().display());
	}

	@Test
	void switchWithoutCsrfTokenIsRefused() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		var result = mvc.perform(post("/account/switch").param("account", owned.account().id().toString()).cookie(session))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void sectionsNotBuiltYetSaySoPlainly() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);
		for (String section : new String[] { "usage", "support", "settings" }) {
			var result = mvc.perform(get("/" + section).cookie(session)).andReturn();
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
			assertThat(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("Not available online yet")
				.contains("1-800-555-0199");
		}
	}

	private int switchTo(Cookie session, String account, String next) throws Exception {
		return mvc
			.perform(post("/account/switch").param("account", account).param("next", next).cookie(session).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
	}
}
