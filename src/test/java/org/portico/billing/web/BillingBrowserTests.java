package org.portico.billing.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.portico.BrowserTestSupport;

/**
 * A demo customer with a year of statements reads their bills in Chromium: the statements list, a
 * statement with what changed since the month before, the account activity, and the statement PDF — at
 * desktop and phone size, in English and Spanish, axe-clean on every page.
 */
class BillingBrowserTests extends BrowserTestSupport {

	private static final String PASSWORD = "riverbend-demo-2026";

	@Test
	void customerReadsTheStatementsAStatementAndTheAccountActivity() {
		Page page = browser.newPage(1280, 900);
		signIn(page, "james.chen@example.com");
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Billing"))
			.click();
		assertThat(page).hasURL(url("/billing"));
		assertThat(heading(page)).isEqualTo("Billing");
		check(page, "billing-statements-desktop");
		Locator rows = page.locator("tr.statement-row");
		assertThat(rows.count()).as("a year of statements").isGreaterThanOrEqualTo(12);
		assertThat(page.locator("#balance")).not().isEmpty();

		// the newest statement, as a customer opens it from the list
		rows.first().getByRole(AriaRole.LINK).click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/billing/statements/[0-9a-f-]{36}$"));
		assertThat(heading(page)).startsWith("Statement of ");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Summary"))).isVisible();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Monthly services")))
			.isVisible();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What changed since last month")))
			.isVisible();
		assertThat(page.locator("#amount-due")).containsText("$");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF"))).isVisible();
		check(page, "billing-statement-desktop");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Billing").setExact(true)).last().click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See all account activity")).click();
		assertThat(page).hasURL(url("/billing/ledger"));
		check(page, "billing-ledger-desktop");
		assertThat(page.locator("tr.ledger-entry").count()).as("a year of entries").isGreaterThanOrEqualTo(24);

		// a statement address that is not one of this account's: the not-found page, with nothing about why
		var missing = page.request()
			.get(url("/billing/statements/not-a-statement"),
					com.microsoft.playwright.options.RequestOptions.create().setHeader("Accept", "text/html"));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text()).contains("correlation-id").doesNotContain("Exception").doesNotContain("statement ID");

		Page phone = browser.newPage(390, 844);
		signIn(phone, "james.chen@example.com");
		phone.navigate(url("/billing"));
		check(phone, "billing-statements-phone");
		phone.locator("tr.statement-row").first().getByRole(AriaRole.LINK).click();
		assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What changed since last month")))
			.isVisible();
		check(phone, "billing-statement-phone");
		phone.navigate(url("/billing/ledger"));
		check(phone, "billing-ledger-phone");
	}

	@Test
	void spanishSpeakingCustomerReadsHerStatementInSpanish() {
		Page phone = browser.newPage(390, 844);
		signIn(phone, "maria.gonzalez@example.com");
		phone.navigate(url("/billing"));
		assertThat(heading(phone)).isEqualTo("Facturación");
		check(phone, "billing-statements-phone-es");
		phone.locator("tr.statement-row").first().getByRole(AriaRole.LINK).click();
		assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Servicios mensuales")))
			.isVisible();
		assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Descargar PDF"))).isVisible();
		check(phone, "billing-statement-phone-es");
	}

	/** Needs the statement PDF endpoint ({@code StatementPdfController}, built separately). */
	@Test
	void statementDownloadsAsAPdf() throws IOException {
		Page page = browser.newPage(1280, 900);
		signIn(page, "james.chen@example.com");
		page.navigate(url("/billing"));
		page.locator("tr.statement-row").first().getByRole(AriaRole.LINK).click();

		Download download = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF")).click());

		assertThat(download.failure()).as("download failure").isNull();
		byte[] content = Files.readAllBytes(download.path());
		assertThat(new String(Arrays.copyOf(content, Math.min(5, content.length)), StandardCharsets.US_ASCII))
			.as("the start of the downloaded file")
			.isEqualTo("%PDF-");
	}

	private void signIn(Page page, String email) {
		page.navigate(url("/login"));
		page.locator("#username").fill(email);
		page.locator("#password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL(url("/dashboard"));
	}
}
