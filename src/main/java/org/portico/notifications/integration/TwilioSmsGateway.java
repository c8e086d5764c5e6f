package org.portico.notifications.integration;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Twilio's Messages API ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded, HTTP basic
 * authentication with the account SID and auth token). 2xx is sent; 401 (wrong credentials), 429, 5xx,
 * timeouts and unreachable are retried; other 4xx (an invalid number, a blocked recipient) are permanent.
 */
public class TwilioSmsGateway implements SmsGateway {

	private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([A-Za-z0-9]+)\"");

	private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(\\d+)");

	private final SmsProperties.Twilio settings;

	private final HttpClient http;

	public TwilioSmsGateway(SmsProperties.Twilio settings) {
		if (settings.accountSid() == null || settings.authToken() == null || settings.from() == null) {
			throw new IllegalStateException(
					"portico.sms.provider=twilio needs portico.sms.twilio.account-sid, auth-token and from");
		}
		this.settings = settings;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(settings.timeoutSeconds())).build();
	}

	@Override
	public String send(String to, String body) {
		// a messaging service (MG…) is named by its own field; Twilio rejects a service SID given as From
		String sender = settings.from().startsWith("MG") ? "MessagingServiceSid" : "From";
		String form = "To=" + encode(to) + "&" + sender + "=" + encode(settings.from()) + "&Body=" + encode(body);
		String credentials = Base64.getEncoder()
			.encodeToString((settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
		var request = HttpRequest
			.newBuilder(URI.create(settings.baseUrl() + "/2010-04-01/Accounts/" + settings.accountSid() + "/Messages.json"))
			.timeout(Duration.ofSeconds(settings.timeoutSeconds()))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException e) {
			throw new SmsDeliveryException("Twilio did not answer in " + settings.timeoutSeconds() + " s", false);
		}
		catch (java.io.IOException e) {
			throw new SmsDeliveryException("Twilio unreachable: " + e.getClass().getSimpleName(), false);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SmsDeliveryException("Interrupted while sending", false);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			var sid = SID.matcher(response.body());
			if (!sid.find()) {
				throw new SmsDeliveryException("Twilio answered " + status + " without a message SID", false);
			}
			return sid.group(1);
		}
		var code = CODE.matcher(response.body());
		String reason = "Twilio " + status + (code.find() ? " (error " + code.group(1) + ")" : "");
		// 401: Portico's credentials are wrong, not the message; retrying gives the operator time to fix them
		boolean retryable = status == 401 || status == 429 || status >= 500;
		throw new SmsDeliveryException(reason, !retryable);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
