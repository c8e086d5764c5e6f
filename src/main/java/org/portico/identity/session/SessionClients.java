package org.portico.identity.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.identity.ClientInfo;
import org.portico.identity.IpLocation;
import org.portico.identity.KnownDevices;
import org.portico.identity.LoginId;
import org.portico.identity.NewDeviceSignedIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Sign-in's hooks for sessions: remembers the client in the new session ({@link SessionClient}) and
 * describes a new device for its email (browser, system, approximate place and a fingerprint of the
 * device cookie, never the cookie itself). The sign-in success handler is not a bean, so it finds this
 * component through the web application context ({@link #of}).
 */
@Component
public class SessionClients {

	private final IpLocation locations;

	private final ApplicationEventPublisher events;

	SessionClients(IpLocation locations, ApplicationEventPublisher events) {
		this.locations = locations;
		this.events = events;
	}

	/** This component, as the application context of the request's servlet context holds it. */
	public static SessionClients of(HttpServletRequest request) {
		return WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
			.getBean(SessionClients.class);
	}

	/** Called once signed in (the session ID has already changed): the client, for the sessions page. */
	public void signedIn(HttpServletRequest request, ClientInfo client) {
		request.getSession().setAttribute(SessionClient.ATTRIBUTE, new SessionClient(client.ip(), client.userAgent()));
	}

	/**
	 * Publishes {@link NewDeviceSignedIn} for a sign-in from a device the login never used (its device
	 * cookie is already issued), in a transaction so that the event publication registry keeps it.
	 */
	@Transactional
	public void newDevice(LoginId login, ClientInfo client, HttpServletRequest request, HttpServletResponse response) {
		UserAgents.Device device = UserAgents.parse(client.userAgent());
		String place = client.place() != null ? client.place() : placeOf(client.ip()).orElse(null);
		events.publishEvent(new NewDeviceSignedIn(login, device.browser(), device.system(), place,
				fingerprint(request, response)));
	}

	public Optional<String> placeOf(@Nullable String ip) {
		return ip == null ? Optional.empty() : locations.placeOf(ip);
	}

	/**
	 * A fingerprint of the device cookie (the one the request carried, else the one just issued): the
	 * first 16 bytes of SHA-256 over a purpose prefix and the token, so it matches no stored hash.
	 */
	static String fingerprint(HttpServletRequest request, HttpServletResponse response) {
		String token = KnownDevices.tokenOf(request).orElseGet(() -> issuedToken(response));
		if (token == null) {
			return "none";
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("new-device:" + token).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static @Nullable String issuedToken(HttpServletResponse response) {
		for (String header : response.getHeaders("Set-Cookie")) {
			if (header.startsWith(KnownDevices.COOKIE + "=")) {
				int end = header.indexOf(';');
				return header.substring(KnownDevices.COOKIE.length() + 1, end < 0 ? header.length() : end);
			}
		}
		return null;
	}
}
