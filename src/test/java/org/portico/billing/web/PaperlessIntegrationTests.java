package org.portico.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portico.AuthorizationMatrix.Caller.MANAGER;
import static org.portico.AuthorizationMatrix.Caller.OWNER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.billing.BillingManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Paperless billing: consent required and recorded, owners and managers only, the account's own only. */
class PaperlessIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	BillingManagement billing;

	@Autowired
	JdbcClient jdbc;

	@Test
	void goingPaperlessNeedsTheConsentBoxAndRecordsTheConsentShown() throws Exception {
		var owned = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, owned.owner().email().value(), AccountFixtures.SECRET);

		String page = body(mvc.perform(get("/billing/paperless").cookie(session)).andReturn().getResponse()
			.getContentAsByteArray());
		assertThat(page).contains("Your statements come on paper").contains("Consent to electronic statements");
		assertThat(body(mvc.perform(get("/billing").cookie(session)).andReturn().getResponse().getContentAsByteArray()))
			.contains("Your statements come on paper, by mail.")
			.contains("href=\"/billing/paperless\"");

		// without the box ticked: refused, with the reason beside it, nothing changed
		var unticked = mvc.perform(post("/billing/paperless").param("choice", "paperless").cookie(session).with(csrf()))
			.andReturn();
		assertThat(unticked.getResponse().getRedirectedUrl()).isEqualTo("/billing/paperless");
		assertThat(String.valueOf(unticked.getFlashMap().get("agreeError"))).isEqualTo("billing.paperless.agree.required");
		assertThat(billing.isPaperless(owned.account().id())).isFalse();

		mvc.perform(post("/billing/paperless").param("choice", "paperless").param("agree", "yes").cookie(session)
			.with(csrf()));
		assertThat(billing.isPaperless(owned.account().id())).isTrue();
		Map<String, Object> consent = jdbc.sql("""
				select paperless, consent_text, chosen_by, source_address from billing.paperless_choice
				where account_id = :account""")
			.param("account", owned.account().id().value())
			.query()
			.singleRow();
		assertThat(consent.get("paperless")).isEqualTo(true);
		assertThat((String) consent.get("consent_text")).startsWith("By choosing paperless billing you agree that Riverbend");
		assertThat(consent.get("chosen_by")).isEqualTo(owned.owner().id().value());
		assertThat(consent.get("source_address")).isNotNull();
		assertThat(body(mvc.perform(get("/billing").cookie(session)).andReturn().getResponse().getContentAsByteArray()))
			.contains("Paperless: your statements come by email only.");

		mvc.perform(post("/billing/paperless").param("choice", "paper").cookie(session).with(csrf()));
		assertThat(billing.isPaperless(owned.account().id())).isFalse();
	}

	@Test
	void onlyOwnersAndManagersChooseAndOnlyForTheirOwnAccount() throws Exception {
		AuthorizationMatrix.with(mvc, fixtures).verify(account -> get("/billing/paperless"),
				AuthorizationMatrix.all(OWNER, MANAGER));
		AuthorizationMatrix.with(mvc, fixtures).verify(
				account -> post("/billing/paperless").param("choice", "paper").with(csrf()),
				AuthorizationMatrix.all(OWNER, MANAGER));

		var mine = fixtures.ownedAccount();
		var theirs = fixtures.ownedAccount();
		Cookie session = AuthorizationMatrix.signIn(mvc, mine.owner().email().value(), AccountFixtures.SECRET);
		mvc.perform(post("/account/switch").param("account", theirs.account().id().toString()).cookie(session)
			.with(csrf()));
		mvc.perform(post("/billing/paperless").param("choice", "paperless").param("agree", "yes").cookie(session)
			.with(csrf()));
		assertThat(billing.isPaperless(theirs.account().id())).isFalse();
		assertThat(billing.isPaperless(mine.account().id())).isTrue();
	}

	private static String body(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}
}
