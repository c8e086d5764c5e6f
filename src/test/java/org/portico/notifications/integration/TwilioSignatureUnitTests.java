package org.portico.notifications.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio's request signature, against the examples Twilio's own validators are tested with. */
class TwilioSignatureUnitTests {

	private static final String TOKEN = "12345";

	private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

	/** Twilio's documented example: the signature of these parameters posted to {@link #URL}. */
	private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

	private static Map<String, List<String>> parameters() {
		// deliberately not in name order: the signature sorts them
		var parameters = new LinkedHashMap<String, List<String>>();
		parameters.put("From", List.of("+14158675309"));
		parameters.put("CallSid", List.of("CA1234567890ABCDE"));
		parameters.put("To", List.of("+18005551212"));
		parameters.put("Digits", List.of("1234"));
		parameters.put("Caller", List.of("+14158675309"));
		return parameters;
	}

	@Test
	void reproducesTwiliosDocumentedSignature() {
		assertThat(TwilioSignature.sign(TOKEN, URL, parameters())).isEqualTo(SIGNATURE);
		assertThat(TwilioSignature.matches(TOKEN, URL, parameters(), SIGNATURE)).isTrue();
	}

	@Test
	void signsTheUrlExactlyAsCalled() {
		assertThat(TwilioSignature.sign(TOKEN, "https://MyCompany.com/myapp.php?foo=1&bar=2", parameters()))
			.isEqualTo("g9IN/x4Cft2g517EjYvEvM/W7LU=");
		assertThat(TwilioSignature.matches(TOKEN, "https://MyCompany.com/myapp.php?foo=1&bar=2", parameters(), SIGNATURE))
			.isFalse();
	}

	@Test
	void acceptsTheUrlWithOrWithoutItsPortAsTwiliosValidatorsDo() {
		// Twilio signed without the port; the request arrived with one, or the other way round
		assertThat(TwilioSignature.matches(TOKEN, "https://mycompany.com:1234/myapp.php?foo=1&bar=2", parameters(),
				SIGNATURE)).isTrue();
		assertThat(TwilioSignature.matches(TOKEN, URL, parameters(), "kvajT1Ptam85bY51eRf/AJRuM3w=")).isTrue();
		assertThat(TwilioSignature.matches(TOKEN, "http://mycompany.com/myapp.php?foo=1&bar=2", parameters(),
				"0ZXoZLH/DfblKGATFgpif+LLRf4=")).isTrue();
		assertThat(TwilioSignature.matches(TOKEN, "https://mycompany.com:1234/myapp.php?foo=1&bar=2", parameters(),
				"CYn1h0gLBdNxDGkKJg6hYohgeD8=")).isTrue();
	}

	@Test
	void refusesAnyChangeToTheSignedRequest() {
		var tampered = parameters();
		tampered.put("Digits", List.of("9999"));
		assertThat(TwilioSignature.matches(TOKEN, URL, tampered, SIGNATURE)).isFalse();
		var added = parameters();
		added.put("Body", List.of("STOP"));
		assertThat(TwilioSignature.matches(TOKEN, URL, added, SIGNATURE)).isFalse();
		assertThat(TwilioSignature.matches(TOKEN, URL + "&extra=1", parameters(), SIGNATURE)).isFalse();
		assertThat(TwilioSignature.matches("54321", URL, parameters(), SIGNATURE)).isFalse();
		assertThat(TwilioSignature.matches(TOKEN, URL, parameters(), "NOT" + SIGNATURE)).isFalse();
	}

	@Test
	void refusesMissingOrMalformedInput() {
		assertThat(TwilioSignature.matches(TOKEN, URL, parameters(), null)).isFalse();
		assertThat(TwilioSignature.matches(TOKEN, URL, parameters(), "")).isFalse();
		assertThat(TwilioSignature.matches(TOKEN, URL, parameters(), "invalid 王")).isFalse();
		assertThat(TwilioSignature.matches(null, URL, parameters(), SIGNATURE)).isFalse();
		assertThat(TwilioSignature.matches(" ", URL, parameters(), SIGNATURE)).isFalse();
		assertThat(TwilioSignature.matches(TOKEN, "not a url", parameters(), SIGNATURE)).isFalse();
	}

	@Test
	void signsEveryValueOfARepeatedParameterInOrder() {
		var once = new LinkedHashMap<String, List<String>>();
		once.put("Digits", List.of("1234", "5678"));
		var reversed = new LinkedHashMap<String, List<String>>();
		reversed.put("Digits", List.of("5678", "1234"));
		assertThat(TwilioSignature.sign(TOKEN, URL, reversed)).isEqualTo(TwilioSignature.sign(TOKEN, URL, once));
		assertThat(TwilioSignature.sign(TOKEN, URL, once))
			.isNotEqualTo(TwilioSignature.sign(TOKEN, URL, Map.of("Digits", List.of("1234"))));
	}
}
