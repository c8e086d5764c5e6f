package org.portico.payments;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Autopay ({@code portico.payments.autopay.*}).
 *
 * @param enabled whether this node schedules the autopay job at all
 * @param run when the autopay job runs (a cron expression in {@code portico.zone}; hourly by default, so a
 *     node that was down catches up within the hour)
 * @param reminderDaysBefore the reminder goes out this many days before the due date
 * @param retryDays a declined charge is tried again this many days after the due date (at most two
 *     retries, in increasing order)
 */
@ConfigurationProperties("portico.payments.autopay")
public record AutopayProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0 40 * * * *") String run,
		@DefaultValue("3") int reminderDaysBefore, @DefaultValue({ "2", "5" }) List<Integer> retryDays) {

	public AutopayProperties {
		if (reminderDaysBefore < 1) {
			throw new IllegalArgumentException("portico.payments.autopay.reminder-days-before must be at least 1");
		}
		if (retryDays.size() > 2) {
			throw new IllegalArgumentException("portico.payments.autopay.retry-days has at most two days");
		}
		for (int i = 0; i < retryDays.size(); i++) {
			if (retryDays.get(i) < 1 || (i > 0 && retryDays.get(i) <= retryDays.get(i - 1))) {
				throw new IllegalArgumentException(
						"portico.payments.autopay.retry-days must be increasing days after the due date, each at least 1");
			}
		}
		retryDays = List.copyOf(retryDays);
	}

	/** How many times a statement is charged at most: the due date's charge and the retries. */
	int attempts() {
		return 1 + retryDays.size();
	}
}
