package org.portico.notifications.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Twilio's webhook signature ({@code X-Twilio-Signature}): Base64 of the HMAC-SHA1, keyed with the auth
 * token, of the full URL Twilio called (query string included) followed by every POST parameter's name and
 * value, in parameter-name order (values of a repeated name in value order). Like Twilio's own validators,
 * a signature counts whether Twilio's URL carried the scheme's default port or not.
 */
public final class TwilioSignature {

	private TwilioSignature() {
	}

	/** The signature Twilio sends for a request to {@code url} with these POST parameters. */
	public static String sign(String authToken, String url, Map<String, List<String>> parameters) {
		return Base64.getEncoder().encodeToString(hmac(authToken, payload(url, parameters)));
	}

	/**
	 * Whether {@code signature} is Twilio's for this request, compared in constant time. False for a blank
	 * token or signature.
	 */
	public static boolean matches(@Nullable String authToken, String url, Map<String, List<String>> parameters,
			@Nullable String signature) {
		if (authToken == null || authToken.isBlank() || signature == null || signature.isBlank()) {
			return false;
		}
		byte[] given;
		try {
			given = Base64.getDecoder().decode(signature.strip());
		}
		catch (IllegalArgumentException e) {
			return false;
		}
		boolean matched = false;
		for (String variant : urlVariants(url)) {
			// every variant is compared, so the time taken does not tell which one (if any) matched
			matched |= MessageDigest.isEqual(hmac(authToken, payload(variant, parameters)), given);
		}
		return matched;
	}

	private static String payload(String url, Map<String, List<String>> parameters) {
		var data = new StringBuilder(url);
		for (var parameter : new TreeMap<>(parameters).entrySet()) {
			List<String> values = new ArrayList<>(parameter.getValue());
			values.sort(null);
			for (String value : values) {
				data.append(parameter.getKey()).append(value);
			}
		}
		return data.toString();
	}

	private static byte[] hmac(String key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HMAC-SHA1 is unavailable", e);
		}
	}

	/**
	 * The URL as given, without its port, and with the scheme's default port when it has none — the variants
	 * Twilio's own validators accept, since a proxy may add or drop the port.
	 */
	private static Set<String> urlVariants(String url) {
		Set<String> variants = new LinkedHashSet<>();
		variants.add(url);
		try {
			URI uri = new URI(url);
			int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443
					: "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
			if (defaultPort > 0 && uri.getHost() != null) {
				variants.add(withPort(uri, -1));
				variants.add(withPort(uri, uri.getPort() == -1 ? defaultPort : uri.getPort()));
			}
		}
		catch (URISyntaxException e) {
			// not a URL we can vary: only the URL as given is checked
		}
		return variants;
	}

	private static String withPort(URI uri, int port) {
		return uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@") + uri.getHost()
				+ (port == -1 ? "" : ":" + port) + (uri.getRawPath() == null ? "" : uri.getRawPath())
				+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}
}
