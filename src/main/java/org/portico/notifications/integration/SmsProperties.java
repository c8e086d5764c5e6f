package org.portico.notifications.integration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMS delivery ({@code portico.sms.*}).
 *
 * @param provider {@code simulator} (the default: nothing leaves Portico) or {@code twilio}
 * @param twilio the Twilio account, when {@code provider=twilio}
 */
@ConfigurationProperties("portico.sms")
public record SmsProperties(@DefaultValue("simulator") String provider, @DefaultValue Twilio twilio) {

	/**
	 * @param baseUrl the API's base address (a test points it at a local double)
	 * @param accountSid the account SID, {@code AC…}
	 * @param authToken the auth token: signs webhooks and authenticates API calls; keep it secret
	 * @param from the sending number (E.164) or messaging service SID
	 * @param timeoutSeconds how long to wait for the API before the attempt counts as failed
	 */
	public record Twilio(@DefaultValue("https://api.twilio.com") String baseUrl, @Nullable String accountSid,
			@Nullable String authToken, @Nullable String from, @DefaultValue("10") int timeoutSeconds) {
	}
}
