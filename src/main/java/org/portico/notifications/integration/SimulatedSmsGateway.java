package org.portico.notifications.integration;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default SMS provider: sends nothing anywhere (the demo inbox shows what would have gone out), but
 * fails like a real provider for test numbers — a number ending in {@code 0000} cannot receive texts
 * (permanent), one ending in {@code 0001} hits a provider outage (retried).
 */
public class SimulatedSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(SimulatedSmsGateway.class);

	@Override
	public String send(String to, String body) {
		if (to.endsWith("0000")) {
			throw new SmsDeliveryException("21614: not a mobile number", true);
		}
		if (to.endsWith("0001")) {
			throw new SmsDeliveryException("503: provider unavailable", false);
		}
		String id = "SM" + UUID.randomUUID().toString().replace("-", "");
		log.info("Simulated SMS {} to ••{} ({} characters)", id, to.substring(to.length() - 2), body.length());
		return id;
	}
}
