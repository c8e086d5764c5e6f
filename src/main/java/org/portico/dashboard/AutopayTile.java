package org.portico.dashboard;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.payments.AutopayState;

/**
 * The autopay tile as the projection stores it (its own column), from the payments module's
 * {@code Autopay.state} at the last refresh.
 *
 * @param methodKind CARD or BANK_ACCOUNT, when enrolled
 * @param failureReason why the latest autopay charge was declined, while a retry is to come
 * @param nextRetryOn when a declined charge is tried again; null after the last retry
 */
record AutopayTile(boolean enrolled, @Nullable String methodKind, @Nullable String brand, @Nullable String last4,
		@Nullable String failureReason, @Nullable LocalDate nextRetryOn) {

	static AutopayTile of(AutopayState state) {
		var method = state.method();
		return new AutopayTile(state.enrolled(), method == null ? null : method.kind().name(),
				method == null ? null : method.brand(), method == null ? null : method.last4(), state.failureReason(),
				state.nextRetryOn());
	}
}
