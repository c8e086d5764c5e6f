package org.portico.dashboard;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.portico.payments.AutopayState;

/**
 * The autopay tile as the projection stores it, apart from the other tiles: autopay's own events update it
 * (enrolled, cancelled, a charge declined) without a recomputation of the rest.
 *
 * @param methodKind CARD or BANK_ACCOUNT, when enrolled
 * @param failureReason why the latest autopay charge was declined, until it is paid or retried successfully
 * @param nextRetryOn when a declined charge is tried again; null after the last retry
 */
record AutopayTile(boolean enrolled, @Nullable String methodKind, @Nullable String brand, @Nullable String last4,
		@Nullable String failureReason, @Nullable LocalDate nextRetryOn) {

	static AutopayTile off() {
		return new AutopayTile(false, null, null, null, null, null);
	}

	static AutopayTile of(AutopayState state) {
		var method = state.method();
		return new AutopayTile(state.enrolled(), method == null ? null : method.kind().name(),
				method == null ? null : method.brand(), method == null ? null : method.last4(), state.failureReason(),
				state.nextRetryOn());
	}

	AutopayTile declined(String reason, @Nullable LocalDate retryOn) {
		return new AutopayTile(enrolled, methodKind, brand, last4, reason, retryOn);
	}

	AutopayTile cleared() {
		return new AutopayTile(enrolled, methodKind, brand, last4, null, null);
	}
}
