package org.portico.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.portico.BrowserTestSupport;

/**
 * The README's login-less demo account gets online without calling support, in Chromium: registers with
 * its account number and ZIP and the code from the demo inbox, signs in, changes its sign-in email by the
 * link sent to the new address, forgets its password and resets it by the emailed link — axe-clean at
 * every step, at desktop and phone size.
 */
class SelfServiceBrowserTests extends BrowserTestSupport {

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	private static final Pattern LINK = Pattern.compile("(https?://\\S+)");

	@Test
	void registersTheDemoAccountSignsInChangesTheEmailAndRecoversThePassword() {
		Page phone = browser.newPage(390, 844);
		phone.navigate(url("/register"));
		check(phone, "register-phone-account");

		Page page = browser.newPage(1280, 900);
		page.navigate(url("/login"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an online account")).click();
		page.locator("#accountNumber").fill("5857 4917 3902");
		page.locator("#zip").fill("19147");
		check(page, "register-desktop-account");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

		page.locator("#channel-email").check();
		check(page, "register-desktop-contact");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my code")).click();
		String code = find(CODE, newestMessageTo("linda.park@example.com", "Your security code"));

		page.locator("#code").fill(code);
		check(page, "register-desktop-code");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify")).click();

		assertThat(page.locator("#email")).hasValue("linda.park@example.com");
		String customerId = page.locator("#customerId").inputValue();
		page.locator("#password").fill("copper-meadow-violin-4417");
		assertThat(page.locator("#password-strength")).not().isEmpty();
		page.locator("#confirmPassword").fill("copper-meadow-violin-4417");
		check(page, "register-desktop-details");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my login")).click();
		assertThat(page.getByText("Your online account is ready")).isVisible();
		assertThat(page.getByText(customerId).first()).isVisible();
		check(page, "register-desktop-done");

		signIn(page, customerId, "copper-meadow-violin-4417");
		page.navigate(url("/settings/profile"));
		check(page, "profile-desktop");
		page.navigate(url("/settings/profile/email"));
		page.locator("#newEmail").fill("linda.park@riverbend.example");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send confirmation link")).click();
		String confirmation = here(find(LINK, newestMessageTo("linda.park@riverbend.example", null)));
		// the link works in the browser that asked, even signed out by then; not in another browser
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		Page elsewhere = browser.newPage(1280, 900);
		elsewhere.navigate(confirmation);
		assertThat(elsewhere.getByText("doesn’t work in this browser")).isVisible();
		elsewhere.close();
		page.navigate(confirmation);
		assertThat(page.getByText("Your sign-in email has been changed")).isVisible();
		check(page, "profile-desktop-email-changed");

		page.navigate(url("/login"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot password?")).click();
		page.locator("#identifier").fill("linda.park@riverbend.example");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		page.locator("#channel-email").check();
		check(page, "recover-desktop-choose");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		// the reset link goes to the contact on file: the login's (new) email
		page.navigate(here(find(LINK, newestMessageTo("linda.park@riverbend.example", null))));
		page.locator("#newPassword").fill("harbor-lantern-quartz-8812");
		assertThat(page.locator("#newPassword-strength")).not().isEmpty();
		page.locator("#confirmPassword").fill("harbor-lantern-quartz-8812");
		check(page, "recover-desktop-new-password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save new password")).click();
		assertThat(page.getByText("Your password has been changed")).isVisible();
		signIn(page, "linda.park@riverbend.example", "harbor-lantern-quartz-8812");
	}

	/**
	 * The text of the newest message to this address in the demo inbox (with this subject, if given), once
	 * the outbox has delivered it.
	 */
	private String newestMessageTo(String address, String subject) {
		Page inbox = browser.newPage(1280, 900);
		try {
			long deadline = System.nanoTime() + 15_000_000_000L;
			Locator rows;
			do {
				inbox.navigate(url("/demo/inbox"));
				rows = inbox.locator("tr", new Page.LocatorOptions().setHasText(address));
				if (subject != null) {
					rows = rows.filter(new Locator.FilterOptions().setHasText(subject));
				}
			}
			while (rows.count() == 0 && System.nanoTime() < deadline && pause());
			rows.first().getByRole(AriaRole.LINK).click();
			return inbox.locator("pre.message-text").textContent();
		}
		finally {
			inbox.close();
		}
	}

	private static boolean pause() {
		try {
			Thread.sleep(300);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** A link from a message (made with the configured portal address) on this test's server. */
	private String here(String link) {
		java.net.URI uri = java.net.URI.create(link);
		return url(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

	private void signIn(Page page, String identifier, String password) {
		page.navigate(url("/login"));
		page.locator("#username").fill(identifier);
		page.locator("#password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page).hasURL(url("/dashboard"));
	}
}
