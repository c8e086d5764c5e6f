package org.portico;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;

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

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
