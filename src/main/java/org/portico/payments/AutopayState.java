package org.portico.payments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Money;

/**
 * An account's autopay as the dashboard and the autopay page show it.
 *
 * @param enrolled whether autopay is on
 * @param method the method it charges (the account's default when enrolled)
 * @param nextChargeOn the due date of the statement it will pay next, if one is open
 * @param nextChargeAmount what it will charge then, as of today (the statement's amount due less payments
 *     and credits since the statement date)
 * @param failureReason why the latest autopay charge was declined, while it is being retried
 * @param nextRetryOn when a declined charge is tried again, if it will be
 */
public record AutopayState(boolean enrolled, @Nullable PaymentMethod method, @Nullable LocalDate nextChargeOn,
		@Nullable Money nextChargeAmount, @Nullable String failureReason, @Nullable LocalDate nextRetryOn) {

	public static AutopayState off() {
		return new AutopayState(false, null, null, null, null, null);
	}
}
