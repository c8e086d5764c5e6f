package org.portico.payments;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.AccountFixtures.OwnedAccount;
import org.portico.BrowserTestSupport;
import org.portico.billing.BillingManagement;
import org.portico.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Paying a bill in Chromium: a declined card for this payment only says why and takes nothing; a saved
 * sandbox card pays part of the balance, and the receipt shows the new balance. Axe-clean on every page,
 * at desktop and phone size.
 */
class PaymentBrowserTests extends BrowserTestSupport {

	@Autowired
	PaymentFixtures fixtures;

	@Autowired
	BillingManagement billing;

	@Autowired
	Payments payments;

	@Test
	void aDeclinedCardSaysWhyThenASavedCardPaysPartOfTheBalance() {
		OwnedAccount owned = fixtures.billedAccount();
		Money before = billing.balance(owned.account().id());
		Page page = browser.newPage(1280, 900);
		page.navigate(url("/login"));
		page.locator("#username").fill(owned.owner().email().value());
		page.locator("#password").fill(AccountFixtures.SECRET);
		page.locator("form[action$='/login'] button[type=submit]").click();
		page.waitForURL(url("/dashboard"));

		page.navigate(url("/billing"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Make a payment")).click();
		page.waitForURL(url("/payments/pay"));
		page.getByLabel("Card number").waitFor();
		check(page, "payments-pay-new-card");

		// a card that the issuer declines: a clear reason, nothing taken
		page.getByLabel("Another amount").check();
		page.getByLabel("Amount in dollars").fill("10.00");
		page.getByLabel("Card number").fill("4000 0000 0000 9995");
		page.getByLabel("Expiration date (MM/YY)").fill("04/35");
		page.getByLabel("Security code (CVC)").fill("123");
		page.getByLabel("Billing ZIP code").fill("19103");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review payment")).click();
		page.waitForURL(url("/payments/pay/review"));
		assertThat(page.locator("#review-amount")).hasText("$10.00");
		assertThat(page.locator("#review-method")).containsText("Visa ending in 9995");
		check(page, "payments-review");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $10.00")).click();
		page.waitForURL(java.util.regex.Pattern.compile(".*/payments/receipts/R\\d{6}-[0-9A-Z]{8}$"));
		assertThat(page.locator("#payment-outcome")).containsText("Your payment didn’t go through");
		assertThat(page.locator("#payment-outcome")).containsText("The bank declined it: not enough money available.");
		assertThat(page.locator("#payment-outcome")).containsText("No money was taken.");
		check(page, "payments-receipt-declined");
		assertThat(billing.balance(owned.account().id())).isEqualTo(before);

		// save a card, then pay part of the balance with it
		page.navigate(url("/payments/methods"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a card")).click();
		page.getByLabel("Card number").waitFor();
		page.getByLabel("Card number").fill("4242 4242 4242 4242");
		page.getByLabel("Expiration date (MM/YY)").fill("04/35");
		page.getByLabel("Security code (CVC)").fill("123");
		page.getByLabel("Billing ZIP code").fill("19103");
		page.locator("#consent").check();
		page.locator("#save-method").click();
		page.waitForURL(url("/payments/methods"));

		page.navigate(url("/payments/pay"));
		assertThat(page.getByLabel("Visa ending in 4242")).isChecked();
		page.getByLabel("Amount in dollars").fill("12.50");
		assertThat(page.getByLabel("Another amount")).isChecked();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review payment")).click();
		page.waitForURL(url("/payments/pay/review"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $12.50")).click();
		page.waitForURL(java.util.regex.Pattern.compile(".*/payments/receipts/R\\d{6}-[0-9A-Z]{8}$"));
		assertThat(page.locator("#payment-outcome")).containsText("Thank you, your payment is received");
		assertThat(page.locator("#receipt-amount")).hasText("$12.50");
		Money after = before.minus(Money.usd("12.50"));
		assertThat(page.locator("#new-balance")).hasText(after.formatted());
		check(page, "payments-receipt-settled");
		assertThat(billing.balance(owned.account().id())).isEqualTo(after);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Payment history")).first().click();
		assertThat(page.locator("#payment-history tbody tr")).hasCount(2);
		check(page, "payments-history");

		Page phone = browser.newPage(390, 844);
		phone.navigate(url("/login"));
		phone.locator("#username").fill(owned.owner().email().value());
		phone.locator("#password").fill(AccountFixtures.SECRET);
		phone.locator("form[action$='/login'] button[type=submit]").click();
		phone.waitForURL(url("/dashboard"));
		phone.navigate(url("/payments/pay"));
		check(phone, "payments-pay-phone");
		phone.navigate(url("/payments/receipts/" + payments.history(owned.account().id()).get(0).receiptNumber()));
		check(phone, "payments-receipt-phone");
	}
}
