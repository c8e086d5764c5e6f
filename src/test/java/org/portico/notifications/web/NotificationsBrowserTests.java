package org.portico.notifications.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.BrowserTestSupport;
import org.portico.identity.Login;
import org.portico.notifications.Category;
import org.portico.notifications.Notification;
import org.portico.notifications.NotificationManagement;
import org.portico.notifications.Recipient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notifications as a customer meets them, in Debian's Chromium at desktop and phone size: the bell, the
 * notification centre, notification settings with consent to texts, and the demo inbox. Every page passes
 * axe-core's WCAG 2.1 AA rules, logs no console error and leaves a screenshot in {@code target/screenshots/}.
 */
class NotificationsBrowserTests extends BrowserTestSupport {

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	NotificationManagement notifications;

	@Test
	void customerReadsNoticesChoosesNotificationsTurnsOnTextsAndOpensTheDemoInbox() {
		journey("desktop", 1280, 900);
		journey("phone", 390, 844);
	}

	private void journey(String size, int width, int height) {
		boolean phone = width < 992;
		var owned = fixtures.ownedAccount();
		Login login = owned.owner();
		SignedIn.awaitLoginCreatedNotice(notifications, login);
		notifications.send(Notification.of(Category.ACCOUNT, "login-created", new Recipient.Login(login.id()), Map.of()));
		Page page = browser.newPage(width, height);

		page.navigate(url("/login"));
		page.locator("#username").fill(login.email().value());
		page.locator("#password").fill(AccountFixtures.SECRET);
		page.locator("form[action$='/login'] button[type=submit]").click();
		assertThat(page).hasURL(url("/dashboard"));

		// The bell shows the unread count; its accessible name says what the number means.
		Locator bell = page.locator(".bell-link:visible");
		assertThat(bell).hasCount(1);
		assertThat(bell.locator(".bell-badge")).hasText("2 unread notifications");
		assertThat(bell).hasAccessibleName("2 unread notifications");
		check(page, "notifications-" + size + "-bell");

		bell.click();
		assertThat(page).hasURL(url("/notifications"));
		assertThat(heading(page)).isEqualTo("Notifications");
		assertThat(page.locator(".notice-unread")).hasCount(2);
		check(page, "notifications-" + size + "-notification-centre");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark all as read")).click();
		assertThat(page.getByText("All your notifications are marked as read.")).isVisible();
		assertThat(page.locator(".notice-unread")).hasCount(0);
		assertThat(page.locator(".bell-link:visible .bell-badge")).hasCount(0);
		assertThat(page.locator(".bell-link:visible")).hasAccessibleName("Notifications");
		check(page, "notifications-" + size + "-notification-centre-read");

		// Settings in the menu, then notification settings.
		if (phone) {
			page.locator(".navbar-toggler").click();
			page.locator("#main-nav.collapse.show").waitFor();
		}
		page.locator("#main-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings").setExact(true))
			.click();
		assertThat(page).hasURL(url("/settings"));
		check(page, "notifications-" + size + "-settings");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notification settings")).click();
		assertThat(page).hasURL(url("/settings/notifications"));
		assertThat(page.locator("#SECURITY\\.EMAIL")).isChecked();
		assertThat(page.locator("#SECURITY\\.EMAIL")).isDisabled();
		assertThat(page.locator("#OFFERS\\.EMAIL")).not().isChecked();
		assertThat(page.locator("#BILLING\\.SMS")).isDisabled();
		assertThat(page.getByLabel("Mobile number")).hasValue(owned.account().holder().phone().display());
		check(page, "notifications-" + size + "-notification-settings");

		// Texts: the consent box must be ticked; the reason shows beside it.
		Locator turnOn = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on text messages"));
		turnOn.click();
		assertThat(page.locator("#agree-error")).isVisible();
		assertThat(page.locator("#agree")).hasAttribute("aria-invalid", "true");
		check(page, "notifications-" + size + "-texts-consent-missing");
		page.locator("#agree").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on text messages")).click();
		assertThat(page.getByText("Text messages are on, and we’re sending a text to")).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn off text messages")))
			.isVisible();
		assertThat(page.locator("#BILLING\\.SMS")).isEnabled();
		check(page, "notifications-" + size + "-texts-on");

		// A preference change: offers by email, bills by text, no payment notices in the app.
		page.getByLabel("Offers: Email").check();
		page.getByLabel("Bills: Text message").check();
		page.getByLabel("Payments: In the app").uncheck();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save choices")).click();
		assertThat(page.getByText("Your notification choices are saved.")).isVisible();
		assertThat(page.locator("#OFFERS\\.EMAIL")).isChecked();
		assertThat(page.locator("#BILLING\\.SMS")).isChecked();
		assertThat(page.locator("#PAYMENTS\\.IN_APP")).not().isChecked();
		check(page, "notifications-" + size + "-notification-settings-saved");

		// The demo inbox, from the footer: this customer's email and the text that confirmed consent.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Demo inbox: see every email and text sent"))
			.click();
		assertThat(page).hasURL(url("/demo/inbox"));
		Locator email = page.locator("tr", new Page.LocatorOptions().setHasText(login.email().value())).first();
		assertThat(email).isVisible();
		check(page, "notifications-" + size + "-demo-inbox");
		email.getByRole(AriaRole.LINK).click();
		assertThat(heading(page)).isEqualTo("An online login was created for your account");
		assertThat(page.locator("main")).containsText(login.email().value());
		assertThat(page.frameLocator("iframe.email-frame").locator("body"))
			.containsText("An online login to My Account was just created for your account.");
		check(page, "notifications-" + size + "-demo-email");
		page.context().close();
	}



}
