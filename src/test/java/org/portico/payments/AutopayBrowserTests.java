package org.portico.payments;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AccountFixtures.OwnedAccount;
import org.portico.BrowserTestSupport;
import org.portico.TestClock;
import org.portico.billing.BillingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The journey in Chromium on a shifted clock: the dashboard shows what is due with a Pay button and
 * autopay off; the owner turns autopay on from it; on the due date autopay pays, and the dashboard says
 * paid; the next cycle's statement then shows up with autopay's next charge. Axe-clean, desktop and phone.
 */
class AutopayBrowserTests extends BrowserTestSupport {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Autowired
	PaymentFixtures fixtures;

	@Autowired
	BillingFixtures billing;

	@Autowired
	Autopay autopay;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void theDashboardLeadsToAutopayWhichPaysTheNextBill() throws Exception {
		// January 13, 2026: the January 12 statement is out, due February 2
		TestClock.fixAt(ZonedDateTime.of(2026, 1, 13, 9, 0, 0, 0, ZONE));
		OwnedAccount owned = fixtures.billedAccount();
		fixtures.savedCard(mvc, owned, PaymentFixtures.APPROVED);

		Page page = signedIn(1280, 900, owned);
		awaitDashboard(page, "[data-tile=pay]");
		assertThat(page.locator("[data-tile=amount-due]")).containsText("$");
		assertThat(page.locator("[data-tile=autopay]")).hasText("Off");
		check(page, "dashboard-due-desktop");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage autopay")).click();
		page.waitForURL(url("/payments/autopay"));
		check(page, "autopay-off");
		page.locator("#consent").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on autopay")).click();
		assertThat(page.locator("#autopay-badge")).hasText("On");
		check(page, "autopay-on");
		awaitDashboard(page, "[data-tile=autopay]:text('On')");
		check(page, "dashboard-autopay-on-desktop");

		// the due date: autopay charges the saved card
		TestClock.fixAt(ZonedDateTime.of(2026, 2, 2, 10, 0, 0, 0, ZONE));
		autopay.run(LocalDate.of(2026, 2, 2), Set.of(owned.account().id()));
		Page dueDay = signedIn(1280, 900, owned);
		awaitDashboard(dueDay, "[data-tile=paid]");
		assertThat(dueDay.locator("[data-tile=autopay]")).hasText("On");
		assertThat(dueDay.getByText("Pays with Visa ending in 4242")).isVisible();
		check(dueDay, "dashboard-paid-by-autopay-desktop");

		// the next cycle: February's statement, which autopay will pay on its due date
		TestClock.fixAt(ZonedDateTime.of(2026, 2, 12, 10, 0, 0, 0, ZONE));
		billing.runThrough(owned.account().id(), LocalDate.of(2026, 2, 12));
		Page phone = signedIn(390, 844, owned);
		awaitDashboard(phone, "#tile-autopay ~ p:has-text('Mar 5, 2026')");
		check(phone, "dashboard-next-cycle-phone");
	}

	private Page signedIn(int width, int height, OwnedAccount owned) {
		Page page = browser.newPage(width, height);
		page.navigate(url("/login"));
		page.locator("#username").fill(owned.owner().email().value());
		page.locator("#password").fill(AccountFixtures.SECRET);
		page.locator("form[action$='/login'] button[type=submit]").click();
		page.waitForURL(url("/dashboard"));
		return page;
	}

	/** The dashboard's projection follows events after they commit: reload until it shows {@code selector}. */
	private void awaitDashboard(Page page, String selector) {
		for (int i = 0; i < 40; i++) {
			page.navigate(url("/dashboard"));
			if (page.locator(selector).count() > 0) {
				return;
			}
			page.waitForTimeout(250);
		}
		assertThat(page.locator(selector)).isVisible();
	}
}
