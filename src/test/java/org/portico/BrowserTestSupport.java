package org.portico;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: one Chromium per test class on the shared application context, axe and a
 * full-page screenshot on every page checked, and no console error (CSP violations included) allowed.
 */
public abstract class BrowserTestSupport extends IntegrationTestSupport {

	protected static final Path SCREENSHOTS = Path.of("target", "screenshots");

	protected static Browser browser;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@AfterEach
	void noConsoleErrors() {
		if (browser != null) {
			org.assertj.core.api.Assertions.assertThat(browser.consoleErrors())
				.as("console errors (CSP violations included)")
				.isEmpty();
		}
	}

	/** Axe on the page as it is now, then a full-page screenshot {@code target/screenshots/<name>.png}. */
	protected static void check(Page page, String name) {
		page.waitForLoadState();
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
		browser.assertAccessible(page);
	}

	protected static String heading(Page page) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent().strip();
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}
}
