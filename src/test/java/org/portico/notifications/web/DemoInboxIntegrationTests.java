package org.portico.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.customer.ServiceAccount;
import org.portico.notifications.Channel;
import org.portico.notifications.DeliveredMessage;
import org.portico.notifications.NotificationManagement;
import org.portico.notifications.Notification;
import org.portico.notifications.Recipient;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The demo inbox (demo mode is on in tests): every email and text, public, each shown as the customer
 * received it; the email's HTML part alone gets a policy that allows its inline styles.
 */
class DemoInboxIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	NotificationManagement notifications;

	@Test
	void listsEveryEmailAndTextNewestFirstForAnyone() throws Exception {
		ServiceAccount account = fixtures.ownedAccount().account();
		DeliveredMessage email = awaitLoginCreatedEmail(account);
		PhoneNumber phone = PhoneNumber.parse("2155550199");
		// a code the person asked for is texted without consent: one SMS in the inbox
		notifications.send(Notification.of(org.portico.notifications.Category.SECURITY, "security-code",
				new Recipient.Phone(phone, Language.EN_US), Map.of("code", "123456", "minutes", 10)).secret());

		MvcResult result = mvc.perform(get("/demo/inbox")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String page = SignedIn.body(result);
		assertThat(page).contains("Demo inbox")
			.contains(account.holder().email().value())
			.contains("An online login was created for your account")
			.contains("href=\"/demo/inbox/" + email.id() + "\"")
			.contains(phone.e164())
			.contains("Your security code")
			.contains("Text message");
		assertThat(page.indexOf(phone.e164())).as("newest first").isLessThan(page.indexOf(account.holder().email().value()));
	}

	@Test
	void showsAnEmailWithItsTextPartAndItsHtmlPartInASandboxedFrame() throws Exception {
		ServiceAccount account = fixtures.ownedAccount().account();
		DeliveredMessage email = awaitLoginCreatedEmail(account);

		String page = SignedIn.body(mvc.perform(get("/demo/inbox/" + email.id())).andReturn());

		assertThat(page).contains("An online login was created for your account")
			.contains(account.holder().email().value())
			.contains("An online login to My Account was just created for your account.")
			.contains("Hello Test,")
			.containsPattern("<iframe[^>]*\\ssandbox[\\s>]")
			.contains("src=\"/demo/inbox/" + email.id() + "/html\"")
			.contains("title=\"Email: An online login was created for your account\"");
	}

	@Test
	void theHtmlPartIsTheStoredEmailUnderItsOwnNarrowPolicy() throws Exception {
		DeliveredMessage email = awaitLoginCreatedEmail(fixtures.ownedAccount().account());

		MvcResult html = mvc.perform(get("/demo/inbox/" + email.id() + "/html")).andReturn();

		assertThat(html.getResponse().getStatus()).isEqualTo(200);
		assertThat(html.getResponse().getContentType()).startsWith("text/html");
		assertThat(SignedIn.body(html)).isEqualTo(email.bodyHtml()).contains("<style");
		String policy = html.getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).contains("default-src 'none'")
			.contains("style-src 'unsafe-inline'")
			.contains("frame-ancestors 'self'")
			.contains("sandbox")
			.doesNotContain("script-src");
		assertThat(html.getResponse().getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");

		for (String path : new String[] { "/demo/inbox", "/demo/inbox/" + email.id(), "/login",
				"/demo/inbox/" + email.id() + "/html/x" }) {
			MvcResult other = mvc.perform(get(path)).andReturn();
			String strict = other.getResponse().getHeader("Content-Security-Policy");
			assertThat(strict).as(path).contains("script-src 'self' 'nonce-")
				.contains("style-src 'self';")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline");
			assertThat(other.getResponse().getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
		}
	}

	@Test
	void unknownMessagesAreNotFoundAndMalformedIdsAreBadRequests() throws Exception {
		assertThat(status("/demo/inbox/" + UUID.randomUUID())).isEqualTo(404);
		assertThat(status("/demo/inbox/" + UUID.randomUUID() + "/html")).isEqualTo(404);
		assertThat(status("/demo/inbox/not-an-id")).isEqualTo(400);
		assertThat(status("/demo/inbox/not-an-id/html")).isEqualTo(400);
		var text = notifications.deliveredMessages(DemoInboxController.LIMIT)
			.stream()
			.filter(message -> message.channel() == Channel.SMS)
			.findFirst();
		if (text.isPresent()) {
			assertThat(status("/demo/inbox/" + text.get().id() + "/html")).as("a text has no HTML part").isEqualTo(404);
			assertThat(status("/demo/inbox/" + text.get().id())).isEqualTo(200);
		}
	}

	@Test
	void theLoginPageAndTheFooterLinkToTheDemoInbox() throws Exception {
		String login = SignedIn.body(mvc.perform(get("/login")).andReturn());
		assertThat(login.split("href=\"/demo/inbox\"", -1)).as("login page and footer").hasSize(3);
		assertThat(login).contains("Demo inbox: see every email and text sent");
	}

	private int status(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private DeliveredMessage awaitLoginCreatedEmail(ServiceAccount account) {
		String address = account.holder().email().value();
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> notifications.deliveredMessages(DemoInboxController.LIMIT)
				.stream()
				.filter(message -> message.channel() == Channel.EMAIL && message.address().equals(address))
				.findFirst()
				.orElse(null), message -> message != null);
	}
}
