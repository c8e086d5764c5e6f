package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.portico.TestMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One browser for the recovery and profile tests: keeps its session cookie across requests, completes the
 * asynchronous (steady-time) answers, and reads what was sent from the outbox and GreenMail.
 */
final class RecoveryTestClient {

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{43})");

	private final MockMvc mvc;

	private @Nullable Cookie session;

	RecoveryTestClient(MockMvc mvc) {
		this(mvc, null);
	}

	RecoveryTestClient(MockMvc mvc, @Nullable Cookie session) {
		this.mvc = mvc;
		this.session = session;
	}

	@Nullable
	Cookie session() {
		return session;
	}

	/** Performs the request in this browser (with a CSRF token), waiting for an asynchronous answer. */
	MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		if (session != null) {
			request.cookie(session);
		}
		MvcResult result = mvc.perform(request.with(csrf())).andReturn();
		remember(result);
		if (result.getRequest().isAsyncStarted()) {
			result.getAsyncResult(5_000);
			result = mvc.perform(asyncDispatch(result)).andReturn();
			remember(result);
		}
		return result;
	}

	String body(MockHttpServletRequestBuilder request) throws Exception {
		return body(perform(request));
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private void remember(MvcResult result) {
		Cookie cookie = result.getResponse().getCookie("SESSION");
		if (cookie != null && cookie.getMaxAge() != 0) {
			session = cookie;
		}
	}

	/** The latest text (any template) to a phone, from the outbox (kept in demo mode). */
	static String codeTexted(JdbcClient jdbc, String e164) {
		String body = jdbc.sql("""
				select body_text from notifications.message where channel = 'SMS' and address = :a
				order by created_at desc limit 1
				""").param("a", e164).query(String.class).optional().orElseThrow(() -> new AssertionError("no text to " + e164));
		Matcher matcher = CODE.matcher(body);
		assertThat(matcher.find()).as("a code in " + body).isTrue();
		return matcher.group(1);
	}

	/** The link token in the latest email of a template to an address, from the outbox. */
	static String tokenEmailed(JdbcClient jdbc, String template, String address) {
		String body = jdbc.sql("""
				select body_text from notifications.message where channel = 'EMAIL' and template = :t
				and lower(address) = lower(:a) order by created_at desc limit 1
				""").param("t", template).param("a", address).query(String.class).optional()
			.orElseThrow(() -> new AssertionError("no " + template + " email to " + address));
		Matcher matcher = TOKEN.matcher(body);
		assertThat(matcher.find()).as("a link in the email").isTrue();
		return matcher.group(1);
	}

	static long messages(JdbcClient jdbc, String template, String address) {
		return jdbc.sql("select count(*) from notifications.message where template = :t and lower(address) = lower(:a)")
			.param("t", template).param("a", address).query(Long.class).single();
	}

	/** Waits for GreenMail to receive a mail to {@code address} whose subject starts as given; its text. */
	static String awaitMail(String address, String subject) {
		var found = new String[1];
		await().atMost(Duration.ofSeconds(15)).until(() -> {
			Optional<MimeMessage> message = Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> {
				try {
					return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))
							&& m.getSubject() != null && m.getSubject().startsWith(subject);
				}
				catch (Exception e) {
					return false;
				}
			}).findFirst();
			if (message.isPresent()) {
				found[0] = text(message.get());
				return true;
			}
			return false;
		});
		return found[0];
	}

	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				text.append(text(child));
			}
			return text.toString();
		}
		return "";
	}
}
