package org.portico.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.identity.GrantRole;
import org.portico.identity.Login;
import org.portico.notifications.Category;
import org.portico.notifications.Channel;
import org.portico.notifications.NotificationManagement;
import org.portico.notifications.Preferences;
import org.portico.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Notification settings: the grid, the always-on rule, and consent to text messages. */
class NotificationSettingsIntegrationTests extends IntegrationTestSupport {

	private static final String CONSENT = "I agree to receive account text messages from Riverbend Communications at "
			+ "this number. Message frequency varies. Msg &amp; data rates may apply. Reply HELP for help, STOP to cancel.";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsTheGridWithDefaultsAlwaysOnRowsAndTextsOffUntilConsent() throws Exception {
		var owned = fixtures.ownedAccount();
		String page = SignedIn.as(mvc, owned.owner()).page("/settings/notifications");

		assertThat(page).contains("Notification settings").contains("Bills").contains("When a new bill is ready")
			.contains("Email").contains("Text message").contains("In the app")
			.contains("Always sent by email and in the app");
		assertThat(SignedIn.isChecked(page, "BILLING.EMAIL")).isTrue();
		assertThat(SignedIn.isDisabled(page, "BILLING.EMAIL")).isFalse();
		assertThat(SignedIn.isChecked(page, "OFFERS.EMAIL")).as("offers off by default").isFalse();
		assertThat(SignedIn.isChecked(page, "OFFERS.IN_APP")).as("offers off by default").isFalse();
		for (String alwaysOn : new String[] { "SECURITY.EMAIL", "SECURITY.IN_APP", "ACCOUNT.EMAIL", "ACCOUNT.IN_APP" }) {
			assertThat(SignedIn.isChecked(page, alwaysOn)).as(alwaysOn).isTrue();
			assertThat(SignedIn.isDisabled(page, alwaysOn)).as(alwaysOn).isTrue();
		}
		assertThat(SignedIn.isDisabled(page, "BILLING.SMS")).as("no texts without consent").isTrue();
		assertThat(SignedIn.isChecked(page, "BILLING.SMS")).isFalse();
		// the consent form: the holder's own phone suggested, the exact words shown
		assertThat(page).contains(CONSENT)
			.contains("value=\"" + owned.account().holder().phone().display() + "\"")
			.contains("Turn on text messages");
	}

	@Test
	void savesTheGridUncheckedBoxesMeaningOff() throws Exception {
		Login login = fixtures.ownedAccount().owner();
		SignedIn signedIn = SignedIn.as(mvc, login);

		MvcResult saved = signedIn.perform(post("/settings/notifications").with(csrf())
			.param("BILLING.EMAIL", "on")
			.param("OFFERS.EMAIL", "on")
			.param("PAYMENTS.IN_APP", "on"));

		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/settings/notifications");
		Preferences preferences = notifications.preferencesOf(login.id());
		assertThat(preferences.isEnabled(Category.BILLING, Channel.EMAIL)).isTrue();
		assertThat(preferences.isEnabled(Category.BILLING, Channel.IN_APP)).isFalse();
		assertThat(preferences.isEnabled(Category.OFFERS, Channel.EMAIL)).isTrue();
		assertThat(preferences.isEnabled(Category.PAYMENTS, Channel.EMAIL)).isFalse();
		assertThat(preferences.isEnabled(Category.PAYMENTS, Channel.IN_APP)).isTrue();
		assertThat(preferences.isEnabled(Category.SECURITY, Channel.EMAIL)).as("always on").isTrue();
		String page = followFlash(signedIn, saved);
		assertThat(page).contains("Your notification choices are saved.");
		assertThat(SignedIn.isChecked(page, "OFFERS.EMAIL")).isTrue();
		assertThat(SignedIn.isChecked(page, "BILLING.IN_APP")).isFalse();
	}

	@Test
	void refusesToTurnOffSecurityAndAccountNoticesAndChangesNothing() throws Exception {
		Login login = fixtures.ownedAccount().owner();
		SignedIn signedIn = SignedIn.as(mvc, login);

		MvcResult refused = signedIn.perform(post("/settings/notifications").with(csrf())
			.param("OFFERS.EMAIL", "on")
			.param("SECURITY.EMAIL", "off"));

		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/settings/notifications");
		Preferences preferences = notifications.preferencesOf(login.id());
		assertThat(preferences.isChosen(Category.SECURITY, Channel.EMAIL)).isTrue();
		assertThat(preferences.isChosen(Category.OFFERS, Channel.EMAIL)).as("nothing saved").isFalse();
		assertThat(preferences.isChosen(Category.BILLING, Channel.EMAIL)).as("nothing saved").isTrue();
		assertThat(followFlash(signedIn, refused))
			.contains("Security and account notices are always sent by email and in the app")
			.contains("Nothing was changed.");
	}

	@Test
	void turnsTextsOnWithConsentThenChoosesATextAndTurnsThemOff() throws Exception {
		Login login = fixtures.ownedAccount().owner();
		SignedIn signedIn = SignedIn.as(mvc, login);
		// a number of its own, so that no other test's STOP reply can end this consent
		String digits = String.valueOf(1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9000));
		PhoneNumber phone = PhoneNumber.parse("267555" + digits);

		MvcResult consented = signedIn.perform(post("/settings/notifications/texts").with(csrf())
			.param("phone", "267.555." + digits)
			.param("agree", "yes"));

		assertThat(consented.getResponse().getRedirectedUrl()).isEqualTo("/settings/notifications#texts");
		assertThat(notifications.preferencesOf(login.id()).smsPhone()).isEqualTo(phone);
		var consent = jdbc.sql("""
				select consent_text, source_ip from notifications.sms_consent
				where login_id = :login and withdrawn_at is null
				""").param("login", login.id().value()).query().singleRow();
		assertThat(consent.get("consent_text")).isEqualTo(CONSENT.replace("&amp;", "&"));
		assertThat(consent.get("source_ip")).isEqualTo("127.0.0.1");
		assertThat(notifications.deliveredMessages(50)).as("confirmation text")
			.anyMatch(message -> message.channel() == Channel.SMS && message.address().equals(phone.e164()));

		String page = followFlash(signedIn, consented);
		assertThat(page).contains("Text messages are on, and we’re sending a text to")
			.contains("Text messages go to " + phone.display() + ".")
			.contains("Turn off text messages")
			.doesNotContain("id=\"agree\"");
		assertThat(SignedIn.isDisabled(page, "BILLING.SMS")).isFalse();

		MvcResult saved = signedIn.perform(post("/settings/notifications").with(csrf())
			.param("BILLING.EMAIL", "on")
			.param("BILLING.SMS", "on")
			.param("OUTAGES.SMS", "on"));
		String savedPage = followFlash(signedIn, saved);
		assertThat(SignedIn.isChecked(savedPage, "BILLING.SMS")).isTrue();
		assertThat(SignedIn.isChecked(savedPage, "PAYMENTS.SMS")).isFalse();
		Preferences preferences = notifications.preferencesOf(login.id());
		assertThat(preferences.isEnabled(Category.BILLING, Channel.SMS)).isTrue();
		assertThat(preferences.isEnabled(Category.OUTAGES, Channel.SMS)).isTrue();
		assertThat(preferences.isEnabled(Category.PAYMENTS, Channel.SMS)).isFalse();

		MvcResult off = signedIn.perform(post("/settings/notifications/texts/off").with(csrf()));
		assertThat(off.getResponse().getRedirectedUrl()).isEqualTo("/settings/notifications#texts");
		assertThat(notifications.preferencesOf(login.id()).hasSmsConsent()).isFalse();
		assertThat(notifications.preferencesOf(login.id()).isEnabled(Category.BILLING, Channel.SMS)).isFalse();
		String after = followFlash(signedIn, off);
		assertThat(after).contains("Text messages are off.").contains("id=\"agree\"");
		assertThat(SignedIn.isDisabled(after, "BILLING.SMS")).isTrue();
	}

	@Test
	void turningTextsOnNeedsAValidNumberAndTheTickedConsentBox() throws Exception {
		Login login = fixtures.ownedAccount().owner();
		SignedIn signedIn = SignedIn.as(mvc, login);

		MvcResult refused = signedIn.perform(post("/settings/notifications/texts").with(csrf()).param("phone", "555-01"));

		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/settings/notifications#texts");
		assertThat(notifications.preferencesOf(login.id()).hasSmsConsent()).isFalse();
		String page = followFlash(signedIn, refused);
		assertThat(page).contains("Enter a 10-digit US phone number")
			.contains("Check the box to agree")
			.contains("value=\"555-01\"");
		assertThat(SignedIn.input(page, "phone")).contains("aria-invalid=\"true\"").contains("phone-error");
		assertThat(SignedIn.input(page, "agree")).contains("aria-invalid=\"true\"").contains("agree-error");

		MvcResult blank = signedIn.perform(post("/settings/notifications/texts").with(csrf())
			.param("phone", " ")
			.param("agree", "yes"));
		assertThat(followFlash(signedIn, blank)).contains("Enter a phone number.").doesNotContain("Check the box");
		assertThat(notifications.preferencesOf(login.id()).hasSmsConsent()).isFalse();
	}

	@Test
	void aHouseholdViewerManagesItsOwnPreferencesOnly() throws Exception {
		var owned = fixtures.ownedAccount();
		Login viewer = fixtures.member(owned.account(), GrantRole.VIEWER);
		SignedIn signedIn = SignedIn.as(mvc, viewer);
		signedIn.perform(post("/account/switch").param("account", owned.account().id().toString()).with(csrf()));

		String page = signedIn.page("/settings/notifications");
		assertThat(page).doesNotContain(owned.account().holder().phone().display());
		signedIn.perform(post("/settings/notifications").with(csrf()).param("OFFERS.IN_APP", "on"));

		assertThat(notifications.preferencesOf(viewer.id()).isEnabled(Category.OFFERS, Channel.IN_APP)).isTrue();
		assertThat(notifications.preferencesOf(owned.owner().id()).isEnabled(Category.OFFERS, Channel.IN_APP)).isFalse();
	}

	@Test
	void anonymousCallersAreSentToSignInAndFormsNeedTheCsrfToken() throws Exception {
		for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
				get("/settings/notifications"), post("/settings/notifications").with(csrf()),
				post("/settings/notifications/texts").with(csrf()),
				post("/settings/notifications/texts/off").with(csrf()) }) {
			assertThat(mvc.perform(request).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
		}
		Login login = fixtures.ownedAccount().owner();
		SignedIn signedIn = SignedIn.as(mvc, login);
		assertThat(signedIn.perform(post("/settings/notifications").param("OFFERS.EMAIL", "on")).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(signedIn.perform(post("/settings/notifications/texts").param("phone", "2155550142")
			.param("agree", "yes")).getResponse().getStatus()).isEqualTo(403);
		assertThat(notifications.preferencesOf(login.id()).isChosen(Category.OFFERS, Channel.EMAIL)).isFalse();
		assertThat(notifications.preferencesOf(login.id()).hasSmsConsent()).isFalse();
	}

	@Test
	void settingsLeadToNotificationSettingsAndSayPasswordSettingsAreNotOnlineYet() throws Exception {
		String page = SignedIn.as(mvc, fixtures.ownedAccount().owner()).page("/settings");
		assertThat(page).contains("href=\"/settings/notifications\"")
			.contains("Password and sign-in")
			.contains("Not available online yet")
			.contains("1-800-555-0199");
	}

	@Test
	void speaksSpanishToSpanishReadersAndRecordsTheWordsTheyAgreedTo() throws Exception {
		SignedIn signedIn = SignedIn.as(mvc, fixtures.ownedAccount().owner());
		MvcResult spanish = signedIn.perform(get("/settings/notifications").param("lang", "es-US"));
		assertThat(SignedIn.body(spanish)).contains("Configuración de notificaciones")
			.contains("Facturas")
			.contains("Correo electrónico")
			.contains("Mensaje de texto")
			.contains("Acepto recibir mensajes de texto de la cuenta de Riverbend Communications en este número.");
		Cookie language = spanish.getResponse().getCookie("portico-lang");

		MvcResult consented = signedIn.perform(post("/settings/notifications/texts").with(csrf())
			.cookie(language)
			.param("phone", "267555" + (1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9000)))
			.param("agree", "yes"));

		String consent = jdbc.sql("select consent_text from notifications.sms_consent where login_id = :login")
			.param("login", signedIn.login().id().value())
			.query(String.class)
			.single();
		assertThat(consent).as("the words the reader saw").startsWith("Acepto recibir mensajes de texto");
		assertThat(consented.getResponse().getRedirectedUrl()).isEqualTo("/settings/notifications#texts");
		assertThat(SignedIn.body(signedIn.perform(get("/settings/notifications").cookie(language))))
			.contains("Los mensajes de texto están activados");
	}

	/**
	 * Follows a redirect back to the page as a browser does at once: the flash attributes the redirect left
	 * in the session are shown (and used up) by this request.
	 */
	private static String followFlash(SignedIn signedIn, MvcResult redirect) throws Exception {
		assertThat(redirect.getResponse().getRedirectedUrl()).startsWith("/settings/notifications");
		return SignedIn.body(signedIn.perform(get("/settings/notifications")));
	}
}
