package org.portico.payments;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Adding a card and a bank account in Chromium through the sandbox gateway's hosted fields: labelled
 * fields, errors beside their field, no CSP violation, and nothing but the token posted to Portico.
 */
class PaymentMethodsBrowserTests extends BrowserTestSupport {

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	PaymentMethods paymentMethods;

	@Test
	void addsACardAndABankAccountThroughTheHostedFields() {
		var owned = fixtures.ownedAccount();
		Page page = browser.newPage(1280, 900);
		List<String> postedToPortico = new ArrayList<>();
		page.onRequest(request -> {
			if ("POST".equals(request.method()) && !request.url().contains("/sandbox-gateway/")) {
				postedToPortico.add(request.url() + " " + body(request));
			}
		});
		page.navigate(url("/login"));
		page.locator("#username").fill(owned.owner().email().value());
		page.locator("#password").fill(AccountFixtures.SECRET);
		page.locator("form[action$='/login'] button[type=submit]").click();
		page.waitForURL(url("/dashboard"));

		page.navigate(url("/payments/methods"));
		check(page, "payment-methods-empty");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a card")).click();
		page.getByLabel("Card number").waitFor();
		check(page, "payment-methods-add-card");
		assertThat(page.locator("#hosted-fields input[name]")).hasCount(0);

		// consent first, then the card's own checks, each beside its field
		page.locator("#save-method").click();
		assertThat(page.locator("#consent")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#consent-error")).isVisible();
		page.locator("#consent").check();
		page.getByLabel("Card number").fill("4242 4242 4242 4241");
		page.locator("#save-method").click();
		assertThat(page.getByLabel("Card number")).hasAttribute("aria-invalid", "true");
		assertThat(page.getByText("Enter a valid card number.")).isVisible();
		check(page, "payment-methods-add-card-error");

		page.getByLabel("Card number").fill("4242 4242 4242 4242");
		page.getByLabel("Expiration date (MM/YY)").fill("04/35");
		page.getByLabel("Security code (CVC)").fill("123");
		page.getByLabel("Billing ZIP code").fill("19103");
		page.locator("#save-method").click();
		page.waitForURL(url("/payments/methods"));
		assertThat(page.getByText("Visa ending in 4242")).isVisible();
		check(page, "payment-methods-one-card");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a bank account")).click();
		page.getByLabel("Routing number").waitFor();
		check(page, "payment-methods-add-bank");
		page.getByLabel("Name on the account").fill("Ana Ruiz");
		page.getByLabel("Routing number").fill("110000000");
		page.getByLabel("Account number", new Page.GetByLabelOptions().setExact(true)).fill("000123456789");
		page.getByLabel("Confirm the account number").fill("000123456788");
		page.locator("#consent").check();
		page.locator("#save-method").click();
		assertThat(page.getByText("The two account numbers don’t match.")).isVisible();
		page.getByLabel("Confirm the account number").fill("000123456789");
		page.locator("#save-method").click();
		page.waitForURL(url("/payments/methods"));
		assertThat(page.getByText("Checking account ending in 6789")).isVisible();
		check(page, "payment-methods-card-and-bank");

		assertThat(paymentMethods.methods(owned.account().id())).hasSize(2);
		assertThat(postedToPortico).filteredOn(posted -> posted.contains("/payments/methods"))
			.hasSize(2)
			.allSatisfy(posted -> assertThat(posted).contains("token=").doesNotContain("4242424242424242")
				.doesNotContain("4242+4242").doesNotContain("000123456789").doesNotContain("cvc"));
	}

	private static String body(Request request) {
		String data = request.postData();
		return data == null ? "" : data;
	}
}
