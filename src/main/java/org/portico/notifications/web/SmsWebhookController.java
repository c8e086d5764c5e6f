package org.portico.notifications.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.portico.notifications.NotificationManagement;
import org.portico.notifications.integration.SmsProperties;
import org.portico.notifications.integration.TwilioSignature;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.portico.shared.ProviderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's inbound-message webhook: texts customers send to the provider's number. STOP (and Twilio's
 * other opt-out words) ends every consent to texts on that number at once; HELP (or INFO, or AYUDA for
 * Spanish speakers) answers with who we are and how to reach support; anything else gets no answer.
 * Replies are TwiML.
 * <p>
 * Every request must carry Twilio's {@code X-Twilio-Signature} over the URL Twilio called (scheme and
 * host as the proxy forwarded them: Tomcat applies {@code X-Forwarded-Proto}/{@code -Host} from trusted
 * proxies) and the POST parameters, keyed with {@code portico.sms.twilio.auth-token}. <b>Without an auth
 * token configured (the simulator's default) the endpoint refuses everything with 403</b>: an unsigned
 * webhook would let anyone on the internet end a customer's text notices, and the simulator has no
 * inbound side for it to serve. A missing or wrong signature is 403 with nothing changed; a signed
 * request without a usable {@code From} is 400. Logs name the outcome and Twilio's message SID, never the
 * number or the text.
 */
@RestController
class SmsWebhookController {

	private static final Logger log = LoggerFactory.getLogger(SmsWebhookController.class);

	static final String PATH = "/webhooks/sms/twilio";

	/** Twilio's default opt-out keywords. */
	private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");

	private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

	/** The Spanish confirmation text invites AYUDA as well as HELP. */
	private static final String SPANISH_HELP = "AYUDA";

	private static final MediaType TEXT_XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

	private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

	private final NotificationManagement notifications;

	private final SmsProperties sms;

	private final ProviderProperties provider;

	private final MessageSource messages;

	private final AtomicBoolean warnedNoToken = new AtomicBoolean();

	SmsWebhookController(NotificationManagement notifications, SmsProperties sms, ProviderProperties provider,
			MessageSource messages) {
		this.notifications = notifications;
		this.sms = sms;
		this.provider = provider;
		this.messages = messages;
	}

	@PostMapping(PATH)
	ResponseEntity<String> inbound(HttpServletRequest request) {
		String token = sms.twilio().authToken();
		if (token == null || token.isBlank()) {
			if (warnedNoToken.compareAndSet(false, true)) {
				log.warn("Inbound text webhook refused: portico.sms.twilio.auth-token is not set, so no request can be verified");
			}
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		Map<String, List<String>> parameters = postParameters(request);
		if (!TwilioSignature.matches(token, calledUrl(request), parameters,
				request.getHeader("X-Twilio-Signature"))) {
			log.warn("Inbound text webhook refused: missing or invalid X-Twilio-Signature");
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		String sid = loggableSid(first(parameters, "MessageSid"));
		PhoneNumber from = phone(first(parameters, "From"));
		if (from == null) {
			log.info("Inbound text {} refused: no sender number", sid);
			return ResponseEntity.badRequest().build();
		}
		String keyword = first(parameters, "Body");
		keyword = keyword == null ? "" : keyword.strip().toUpperCase(Locale.ROOT);
		if (STOP_WORDS.contains(keyword)) {
			Language language = notifications.textLanguage(from);
			int ended = notifications.stopTextsTo(from);
			log.info("Inbound text {}: opt-out, {} consent(s) to texts ended", sid, ended);
			return twiml(message("notifications.sms.stop-reply", language, provider.name()));
		}
		if (HELP_WORDS.contains(keyword) || SPANISH_HELP.equals(keyword)) {
			Language language = SPANISH_HELP.equals(keyword) ? Language.ES_US : notifications.textLanguage(from);
			log.info("Inbound text {}: help requested", sid);
			return twiml(message("notifications.sms.help-reply", language, provider.name(), provider.supportPhone()));
		}
		log.info("Inbound text {}: no keyword, not answered", sid);
		return twiml(null);
	}

	/** The URL as the client called it: scheme, host and port as forwarded by a trusted proxy, and the query. */
	private static String calledUrl(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURL() + (query == null ? "" : "?" + query);
	}

	/**
	 * The form-encoded body's parameters: the servlet's parameters merge the query string's in, but Twilio
	 * signs those as part of the URL, so they are taken out again.
	 */
	private static Map<String, List<String>> postParameters(HttpServletRequest request) {
		Map<String, List<String>> parameters = new TreeMap<>();
		request.getParameterMap().forEach((name, values) -> parameters.put(name, new ArrayList<>(List.of(values))));
		String query = request.getQueryString();
		if (query != null) {
			for (String pair : query.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = decode(equals < 0 ? pair : pair.substring(0, equals));
				String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
				List<String> values = parameters.get(name);
				if (values != null) {
					values.remove(value);
					if (values.isEmpty()) {
						parameters.remove(name);
					}
				}
			}
		}
		return parameters;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return text;
		}
	}

	private static @Nullable String first(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	private static @Nullable PhoneNumber phone(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return new PhoneNumber(text.strip());
		}
		catch (InvalidValueException e) {
			return null;
		}
	}

	/** Twilio's message SID when it looks like one; it names the message in the logs without revealing it. */
	private static String loggableSid(@Nullable String sid) {
		return sid != null && sid.matches("[A-Za-z]{2}[0-9a-fA-F]{32}") ? sid : "(no SID)";
	}

	private String message(String key, Language language, Object... arguments) {
		return messages.getMessage(key, arguments, language.locale());
	}

	private static ResponseEntity<String> twiml(@Nullable String reply) {
		String body = reply == null ? XML_DECLARATION + "<Response/>"
				: XML_DECLARATION + "<Response><Message>" + escapeXml(reply) + "</Message></Response>";
		return ResponseEntity.ok().contentType(TEXT_XML).body(body);
	}

	/** XML's five predefined entities only: HTML escaping would produce entities XML does not know. */
	static String escapeXml(String text) {
		var escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}
}
