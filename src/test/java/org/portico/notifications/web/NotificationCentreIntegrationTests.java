package org.portico.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.identity.GrantRole;
import org.portico.identity.Login;
import org.portico.notifications.Category;
import org.portico.notifications.InAppNotice;
import org.portico.notifications.MessageId;
import org.portico.notifications.Notification;
import org.portico.notifications.NotificationManagement;
import org.portico.notifications.Recipient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The notification centre and the bell: each login sees and marks its own notices, nobody else's. */
class NotificationCentreIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsTheLoginsOwnNoticesNewestFirstWithTheUnreadCountInTheHeader() throws Exception {
		Login own = loginWithNotice();
		Login other = loginWithNotice();
		MessageId older = notifications.notificationCentre(own.id()).get(0).id();
		MessageId newer = sendNotice(own);
		MessageId foreign = notifications.notificationCentre(other.id()).get(0).id();

		String page = SignedIn.as(mvc, own).page("/notifications");

		assertThat(page).contains("An online login was created for your account")
			.contains("Account changes")
			.contains("/notifications/" + older + "/read")
			.doesNotContain(foreign.toString());
		assertThat(page.indexOf(newer.toString())).as("newest first").isLessThan(page.indexOf(older.toString()));
		assertThat(page).contains("bell-badge").contains(">2</span>").contains("unread notifications")
			.contains("Mark all as read");
	}

	@Test
	void theBellShowsTheUnreadCountOnEveryPageAndNoBadgeAtZero() throws Exception {
		Login login = loginWithNotice();
		SignedIn signedIn = SignedIn.as(mvc, login);
		assertThat(signedIn.page("/dashboard")).contains("href=\"/notifications\"")
			.contains(">1</span>")
			.contains("unread notifications");
		notifications.markAllRead(login.id());
		assertThat(signedIn.page("/dashboard")).contains("href=\"/notifications\"")
			.doesNotContain("bell-badge")
			.doesNotContain("unread notifications");
	}

	@Test
	void marksOneNoticeAndThenAllNoticesRead() throws Exception {
		Login login = loginWithNotice();
		MessageId first = notifications.notificationCentre(login.id()).get(0).id();
		sendNotice(login);
		sendNotice(login);
		SignedIn signedIn = SignedIn.as(mvc, login);

		MvcResult one = signedIn.perform(post("/notifications/" + first + "/read").with(csrf()));
		assertThat(one.getResponse().getRedirectedUrl()).isEqualTo("/notifications");
		assertThat(notifications.unreadCount(login.id())).isEqualTo(2);
		assertThat(notifications.notificationCentre(login.id()))
			.filteredOn(notice -> notice.id().equals(first))
			.singleElement()
			.extracting(InAppNotice::isUnread)
			.isEqualTo(false);
		String page = signedIn.page("/notifications");
		assertThat(page).doesNotContain("/notifications/" + first + "/read").contains(">2</span>");

		MvcResult all = signedIn.perform(post("/notifications/read-all").with(csrf()));
		assertThat(all.getResponse().getRedirectedUrl()).isEqualTo("/notifications");
		assertThat(notifications.unreadCount(login.id())).isZero();
		String after = signedIn.page("/notifications");
		assertThat(after).doesNotContain("Mark all as read").doesNotContain("bell-badge").doesNotContain("/read\"");
	}

	@Test
	void anotherLoginsNoticeIsNotFoundAndAMalformedIdIsABadRequest() throws Exception {
		Login own = loginWithNotice();
		Login other = loginWithNotice();
		MessageId foreign = notifications.notificationCentre(other.id()).get(0).id();
		SignedIn signedIn = SignedIn.as(mvc, own);

		assertThat(signedIn.perform(post("/notifications/" + foreign + "/read").with(csrf())).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(notifications.notificationCentre(other.id()).get(0).isUnread()).as("still unread").isTrue();
		assertThat(signedIn.perform(post("/notifications/" + UUID.randomUUID() + "/read").with(csrf()))
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(signedIn.perform(post("/notifications/not-an-id/read").with(csrf())).getResponse().getStatus())
			.isEqualTo(400);
	}

	@Test
	void householdMembersSeeTheirOwnNoticesWhateverTheirRole() throws Exception {
		var owned = fixtures.ownedAccount();
		Login viewer = fixtures.member(owned.account(), GrantRole.VIEWER);
		SignedIn.awaitLoginCreatedNotice(notifications, owned.owner());
		SignedIn.awaitLoginCreatedNotice(notifications, viewer);
		MessageId ownersNotice = notifications.notificationCentre(owned.owner().id()).get(0).id();
		MessageId viewersNotice = notifications.notificationCentre(viewer.id()).get(0).id();

		String page = SignedIn.as(mvc, viewer).page("/notifications");
		assertThat(page).contains(viewersNotice.toString()).doesNotContain(ownersNotice.toString());
	}

	@Test
	void anonymousCallersAreSentToSignIn() throws Exception {
		assertThat(mvc.perform(get("/notifications")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
		assertThat(mvc.perform(post("/notifications/read-all").with(csrf())).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	@Test
	void markingReadWithoutTheCsrfTokenIsRefused() throws Exception {
		Login login = loginWithNotice();
		MessageId notice = notifications.notificationCentre(login.id()).get(0).id();
		SignedIn signedIn = SignedIn.as(mvc, login);
		assertThat(signedIn.perform(post("/notifications/read-all")).getResponse().getStatus()).isEqualTo(403);
		assertThat(signedIn.perform(post("/notifications/" + notice + "/read")).getResponse().getStatus()).isEqualTo(403);
		assertThat(notifications.unreadCount(login.id())).isEqualTo(1);
	}

	@Test
	void anEmptyCentreExplainsWhatWillAppear() throws Exception {
		Login login = loginWithNotice();
		// the centre lists in-app notices only; none left once the login's only one is gone
		jdbc.sql("delete from notifications.message where login_id = :login and channel = 'IN_APP'")
			.param("login", login.id().value())
			.update();
		assertThat(SignedIn.as(mvc, login).page("/notifications")).contains("No notifications yet")
			.contains("we’ll post it here");
	}

	private Login loginWithNotice() {
		Login login = fixtures.ownedAccount().owner();
		SignedIn.awaitLoginCreatedNotice(notifications, login);
		return login;
	}

	private MessageId sendNotice(Login login) throws InterruptedException {
		// created_at orders the centre: make sure the new notice is strictly newer
		Thread.sleep(5);
		return notifications
			.send(Notification.of(Category.ACCOUNT, "login-created", new Recipient.Login(login.id()), Map.of()))
			.stream()
			.filter(id -> notifications.notificationCentre(login.id()).stream().anyMatch(n -> n.id().equals(id)))
			.findFirst()
			.orElseThrow();
	}
}
