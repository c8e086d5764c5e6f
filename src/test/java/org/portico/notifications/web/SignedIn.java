package org.portico.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.identity.Login;
import org.portico.notifications.NotificationManagement;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A fixture login signed in through the real form, with the page helpers these tests share. */
record SignedIn(MockMvc mvc, Login login, Cookie session) {

	static SignedIn as(MockMvc mvc, Login login) throws Exception {
		return new SignedIn(mvc, login, AuthorizationMatrix.signIn(mvc, login.email().value(), AccountFixtures.SECRET));
	}

	/**
	 * Waits for the “login created” notice every new login gets (the event listener is asynchronous), so
	 * that a test starts from a known centre.
	 */
	static void awaitLoginCreatedNotice(NotificationManagement notifications, Login login) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> notifications.notificationCentre(login.id()).size(), count -> count >= 1);
	}

	MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.cookie(session)).andReturn();
	}

	String page(String path) throws Exception {
		MvcResult result = perform(get(path));
		assertThat(result.getResponse().getStatus()).as("GET " + path).isEqualTo(200);
		return body(result);
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The {@code <input>} tag with this id in the page (fails when there is none). */
	static String input(String page, String id) {
		Matcher matcher = Pattern.compile("<input[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
		assertThat(matcher.find()).as("input #" + id).isTrue();
		return matcher.group();
	}

	static boolean isChecked(String page, String id) {
		return input(page, id).matches("(?s).*\\schecked(=\"checked\")?[\\s>/].*");
	}

	static boolean isDisabled(String page, String id) {
		return input(page, id).matches("(?s).*\\sdisabled(=\"disabled\")?[\\s>/].*");
	}
}
