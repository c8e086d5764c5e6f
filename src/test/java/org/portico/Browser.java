package org.portico;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Playwright driving Debian's Chromium (Playwright's own browser download cannot work on our machines),
 * with axe-core for accessibility checks. Pages keep their real Content Security Policy: axe is
 * evaluated through the DevTools protocol, and any CSP violation the page reports fails the test.
 */
public final class Browser implements AutoCloseable {

	private static final String AXE_SOURCE = loadAxe();

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	private final List<String> consoleErrors = new ArrayList<>();

	private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static Browser launch() {
		Path chromium = Requirements.chromium();
		var playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		var browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
		return new Browser(playwright, browser);
	}

	/** A fresh browser context (no cookies) with a window of the given size. */
	public Page newPage(int width, int height) {
		var context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setViewportSize(width, height)
			.setLocale("en-US"));
		Page page = context.newPage();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				String where = message.location();
				consoleErrors.add(message.text() + (where == null || where.isBlank() ? "" : " (" + where + ")"));
			}
		});
		return page;
	}

	/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and fails on any violation. */
	public void assertAccessible(Page page) {
		Object loaded = page.evaluate(AXE_SOURCE + "\n;typeof axe");
		assertThat(loaded).as("axe-core loaded").isEqualTo("object");
		Object violations = page.evaluate("""
				async () => {
				  const result = await axe.run(document, { runOnly: { type: 'tag',
				      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
				  return JSON.stringify(result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
				      nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary) })), null, 1);
				}
				""");
		assertThat(violations).as("axe violations on " + page.url()).isEqualTo("[]");
	}

	/** Errors the pages logged, CSP violations included; a test asserts there are none. */
	public List<String> consoleErrors() {
		return consoleErrors;
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

	private static String loadAxe() {
		try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe-core WebJar missing from the test classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
