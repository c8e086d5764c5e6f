package org.portico.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends emails over SMTP ({@code spring.mail.*}), a batch over one connection. Without an SMTP server
 * configured, demo mode only logs them (the demo inbox shows them); otherwise they fail and are retried
 * until one is configured, and show up as stuck.
 */
@Component
class EmailDelivery {

	private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

	private final @Nullable JavaMailSender mail;

	private final NotificationsProperties properties;

	private final boolean demo;

	EmailDelivery(ObjectProvider<JavaMailSender> mail, NotificationsProperties properties,
			@Value("${portico.demo.enabled:false}") boolean demo) {
		this.mail = mail.getIfAvailable();
		this.properties = properties;
		this.demo = demo;
	}

	/** The outcome of one email: sent, or why not and whether retrying can help. */
	record Outcome(boolean sent, @Nullable String error, boolean permanent) {

		static final Outcome SENT = new Outcome(true, null, false);
	}

	Map<UUID, Outcome> send(List<OutboxMessage> emails) {
		Map<UUID, Outcome> outcomes = new HashMap<>();
		if (emails.isEmpty()) {
			return outcomes;
		}
		if (mail == null) {
			for (OutboxMessage email : emails) {
				if (demo) {
					log.info("Demo mode, no SMTP server: email {} ({}) shown in the demo inbox only", email.id(),
							email.template());
					outcomes.put(email.id(), Outcome.SENT);
				}
				else {
					outcomes.put(email.id(), new Outcome(false, "No SMTP server configured (spring.mail.host)", false));
				}
			}
			return outcomes;
		}
		var byMessage = new IdentityHashMap<MimeMessage, UUID>();
		for (OutboxMessage email : emails) {
			try {
				byMessage.put(mime(mail, email), email.id());
			}
			catch (MessagingException | IllegalArgumentException e) {
				outcomes.put(email.id(), new Outcome(false, "Cannot build the email: " + e.getClass().getSimpleName(), true));
			}
		}
		try {
			mail.send(byMessage.keySet().toArray(MimeMessage[]::new));
			byMessage.values().forEach(id -> outcomes.put(id, Outcome.SENT));
		}
		catch (MailSendException e) {
			Map<Object, Exception> failed = e.getFailedMessages();
			for (var entry : byMessage.entrySet()) {
				Exception cause = failed.get(entry.getKey());
				outcomes.put(entry.getValue(), cause == null ? Outcome.SENT
						: new Outcome(false, describe(cause), isPermanent(cause)));
			}
		}
		catch (MailException e) {
			// the server could not be reached or refused the session: every message waits for a retry
			byMessage.values().forEach(id -> outcomes.put(id, new Outcome(false, describe(e), false)));
		}
		return outcomes;
	}

	private MimeMessage mime(JavaMailSender sender, OutboxMessage email) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		var helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(properties.from());
		helper.setTo(email.address());
		helper.setSubject(email.subject());
		helper.setText(email.bodyText(), email.bodyHtml() == null ? email.bodyText() : email.bodyHtml());
		// lets a reader (and the tests) tie a received mail to its outbox row
		message.setHeader("X-Portico-Message-Id", email.id().toString());
		return message;
	}

	/** A recipient the server rejects outright (550 no such user) will not become deliverable by retrying. */
	private static boolean isPermanent(Exception cause) {
		Throwable current = cause;
		while (current != null) {
			if (current instanceof SendFailedException failed && failed.getInvalidAddresses() != null
					&& failed.getInvalidAddresses().length > 0) {
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

	/** The failure's kind and server reply, never the addresses or the content. */
	private static String describe(Exception cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? "" : root.getMessage().replaceAll("[\\w.+-]+@[\\w.-]+", "<address>");
		return (root.getClass().getSimpleName() + ": " + message).strip();
	}
}
