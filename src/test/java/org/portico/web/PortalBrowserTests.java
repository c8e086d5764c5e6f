package org.portico.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.portico.BrowserTestSupport;

/**
 * The portal as a customer sees it, in Debian's Chromium at desktop and phone sizes: every page visited
 * passes axe-core's WCAG 2.1 AA rules, logs no console error (CSP violations included) and leaves a
 * full-page screenshot in {@code target/screenshots/} for visual review.
 */
class PortalBrowserTests extends BrowserTestSupport {

	private static final String PRIYA = "priya.shah@example.com";

	@org.springframework.beans.factory.annotation.Autowired
	org.portico.demo.DemoProperties demo;

	@Test
	void householdManagerSwitchesAccountAndLanguageOnDesktop() {
		Page page = browser.newPage(1280, 900);

		page.navigate(url("/login"));
		check(page, "desktop-login");
		page.keyboard().press("Tab");
		assertThat(page.locator(".skip-link")).isFocused();
		assertThat(page.locator(".skip-link")).isVisible();
		page.keyboard().press("Tab");
		assertThat(page.locator(".navbar-brand")).isFocused();
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("desktop-login-focus.png")));
		signIn(page, PRIYA, "wrong-password-1");
		assertThat(page.locator("#login-error")).isVisible();
		assertThat(page.locator("#username")).hasAttribute("aria-invalid", "true");
		check(page, "desktop-login-failed");

		signIn(page, PRIYA, demo.loginSecret());
		assertThat(page).hasURL(url("/dashboard"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Welcome, Priya");
		Locator switcher = page.locator("#account-switch");
		assertThat(switcher).isVisible();
		assertThat(switcher.locator("option")).hasCount(2);
		check(page, "desktop-dashboard");

		nav(page, "Account details").click();
		assertThat(page).hasURL(url("/account"));
		String ownAccount = heading(page);
		assertThat(ownAccount).startsWith("Account ");
		assertThat(page.getByText("You’re the account’s owner.")).isVisible();
		check(page, "desktop-account");

		nav(page, "Services").click();
		assertThat(page).hasURL(url("/services"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Broadband Facts")))
			.isVisible();
		assertThat(page.locator(".label-card")).containsText("Fiber 2 Gig");
		check(page, "desktop-services");

		// The switcher shows her mother's account (she manages it) and comes back to the same page.
		nav(page, "Account details").click();
		String otherAccount = switcher.locator("option:not([selected])").getAttribute("value");
		switcher.selectOption(otherAccount);
		page.locator(".account-switcher button[type=submit]").click();
		assertThat(page).hasURL(url("/account"));
		String mothersAccount = heading(page);
		assertThat(mothersAccount).startsWith("Account ").isNotEqualTo(ownAccount);
		assertThat(page.getByText("You’re the account’s manager.")).isVisible();
		assertThat(page.locator("main")).containsText("1402 Beechwood Blvd");
		check(page, "desktop-account-switched");

		// Spanish, from the header link, on the page the customer is on.
		page.locator(".lang-switch").click();
		assertThat(page).hasURL(url("/account?lang=es-US"));
		assertThat(page.locator("html")).hasAttribute("lang", "es-US");
		assertThat(heading(page)).isEqualTo(mothersAccount.replace("Account", "Cuenta"));
		assertThat(page.getByText("Usted es administrador de la cuenta.")).isVisible();
		check(page, "desktop-account-es");
		nav(page, "Servicios").click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Sus servicios");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Datos de banda ancha")))
			.isVisible();
		check(page, "desktop-services-es");

		page.navigate(url("/nope"));
		// Chromium logs the page's own 404 status as a console error: expected here, and only here.
		browser.consoleErrors().removeIf(error -> error.contains("404") && error.contains("/nope"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Página no encontrada");
		check(page, "desktop-error-es");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerrar sesión")).click();
		assertThat(page).hasURL(url("/login?signedOut"));
		assertThat(page.getByText("Cerró la sesión.")).isVisible();
		assertThat(page.getByLabel("Correo electrónico o ID de cliente", new Page.GetByLabelOptions().setExact(true)))
			.isVisible();
		assertThat(page.getByLabel("Contraseña", new Page.GetByLabelOptions().setExact(true))).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Iniciar sesión"))).isVisible();
		check(page, "desktop-login-es");
		page.context().close();
	}

	@Test
	void customerUsesThePortalOnAPhone() {
		Page page = browser.newPage(390, 844);

		page.navigate(url("/login"));
		check(page, "phone-login");
		signIn(page, PRIYA, demo.loginSecret());
		assertThat(page).hasURL(url("/dashboard"));

		Locator toggler = page.locator(".navbar-toggler");
		Locator menu = page.locator("#main-nav");
		assertThat(toggler).isVisible();
		assertThat(menu).not().isVisible();
		assertThat(toggler).hasAttribute("aria-expanded", "false");
		check(page, "phone-dashboard");

		toggler.click();
		page.locator("#main-nav.collapse.show").waitFor();
		assertThat(toggler).hasAttribute("aria-expanded", "true");
		assertThat(nav(page, "Settings")).isVisible();
		assertThat(page.locator("#account-switch")).isVisible();
		check(page, "phone-menu");

		nav(page, "Account details").click();
		assertThat(page).hasURL(url("/account"));
		assertThat(menu).not().isVisible();
		check(page, "phone-account");

		toggler.click();
		page.locator("#main-nav.collapse.show").waitFor();
		nav(page, "Services").click();
		assertThat(page).hasURL(url("/services"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Broadband Facts")))
			.isVisible();
		check(page, "phone-services");
		page.context().close();
	}

	private void signIn(Page page, String login, String password) {
		page.locator("#username").fill(login);
		page.locator("#password").fill(password);
		page.locator("form[action$='/login'] button[type=submit]").click();
		page.waitForLoadState();
	}

	private static Locator nav(Page page, String name) {
		return page.locator("#main-nav")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}



}
