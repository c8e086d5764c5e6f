package org.portico;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * The test JVM's SMTP server: a real GreenMail server on a free port, started before the Spring context
 * (which sends mail to it through {@code spring.mail.*}). Tests may stop and start it to simulate an
 * outage; it comes back on the same port.
 */
public final class TestMail {

	private static GreenMail greenMail;

	private static int port;

	private TestMail() {
	}

	public static synchronized GreenMail server() {
		if (greenMail == null) {
			port = freePort();
			start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> greenMail.stop(), "test-mail-stop"));
		}
		return greenMail;
	}

	public static synchronized int port() {
		server();
		return port;
	}

	/** Takes the SMTP server down: connections are refused until {@link #start()}. */
	public static synchronized void stop() {
		server().stop();
	}

	public static synchronized void start() {
		if (greenMail != null && greenMail.isRunning()) {
			return;
		}
		greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
	}

	/** Mails received so far for {@code address} whose subject contains {@code subject} (any, when null). */
	public static List<MimeMessage> receivedBy(String address, @Nullable String subject) {
		return Arrays.stream(server().getReceivedMessages()).filter(message -> {
			try {
				return (subject == null || String.valueOf(message.getSubject()).contains(subject)) && Arrays
					.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(to -> to.toString().contains(address));
			}
			catch (MessagingException e) {
				return false;
			}
		}).toList();
	}

	/** Waits (up to 20 seconds) until at least {@code count} such mails have arrived, and returns them all. */
	public static List<MimeMessage> awaitReceivedBy(String address, @Nullable String subject, int count) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> receivedBy(address, subject), mails -> mails.size() >= count);
	}

	/** The text of a mail's first part of that type ({@code text/plain}, {@code text/html}), however nested. */
	public static String part(Part message, String type) {
		try {
			List<Part> queue = new ArrayList<>(List.of(message));
			while (!queue.isEmpty()) {
				Part part = queue.remove(0);
				if (part.isMimeType(type)) {
					return (String) part.getContent();
				}
				if (part.getContent() instanceof Multipart multipart) {
					for (int i = 0; i < multipart.getCount(); i++) {
						BodyPart child = multipart.getBodyPart(i);
						queue.add(child);
					}
				}
			}
		}
		catch (MessagingException | IOException e) {
			throw new IllegalStateException(e);
		}
		throw new AssertionError("no " + type + " part");
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
