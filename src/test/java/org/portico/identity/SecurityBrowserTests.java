package org.portico.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A customer secures their login in Chromium: changes the password (with the strength meter), sees where
 * they are signed in, signs out another device, and reads the security activity — at desktop and phone
 * size, axe-clean, with the strict CSP in force.
 */
class SecurityBrowserTests extends BrowserTestSupport {

	@Autowired
	AccountFixtures fixtures;

	@Test
	void changesThePasswordSignsOutAnotherDeviceAndReadsTheActivity() {
		var login = fixtures.ownedAccount().owner();
		String email = login.email().value();
		Page other = browser.newPage(390, 844);
		signIn(other, email, AccountFixtures.SECRET);
		Page page = browser.newPage(1280, 900);
		signIn(page, email, AccountFixtures.SECRET);

		page.navigate(url("/settings/password"));
		check(page, "security-desktop-password");
		page.locator("#currentPassword").fill(AccountFixtures.SECRET);
		page.locator("#newPassword").fill("violet-harbor-lantern-2049");
		// the server-side strength estimate arrives through htmx as the customer types
		assertThat(page.locator("#newPassword-strength")).not().isEmpty();
		page.locator("#confirmPassword").fill("violet-harbor-lantern-2049");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
		assertThat(page.getByText("Your password has been changed.")).isVisible();
		check(page, "security-desktop-password-changed");

		page.navigate(url("/settings/sessions"));
		assertThat(page.getByText("This device", new Page.GetByTextOptions().setExact(true))).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out this device")))
			.hasCount(1);
		check(page, "security-desktop-sessions");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out this device")).click();
		assertThat(page.getByText("That device was signed out.")).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out this device")))
			.hasCount(0);

		// the other device is signed out on its next request
		other.navigate(url("/dashboard"));
		assertThat(other).hasURL(url("/login"));

		page.navigate(url("/settings/activity"));
		assertThat(page.getByText("Password changed").first()).isVisible();
		assertThat(page.getByText("Unknown location").first()).isVisible();
		check(page, "security-desktop-activity");

		Page phone = browser.newPage(390, 844);
		signIn(phone, email, "violet-harbor-lantern-2049");
		phone.navigate(url("/settings/sessions"));
		check(phone, "security-phone-sessions");
		phone.navigate(url("/settings/activity"));
		check(phone, "security-phone-activity");
	}

	private void signIn(Page page, String email, String password) {
		page.navigate(url("/login"));
		page.locator("#username").fill(email);
		page.locator("#password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page).hasURL(url("/dashboard"));
	}
}
