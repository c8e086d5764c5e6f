package org.portico.payments;

/**
 * A refund that cannot be made as asked; nothing was moved. {@link #reason()} says why, the message says it
 * in plain words for the operator.
 */
public class RefundRefusedException extends RuntimeException {

	public enum Reason {
		/** No payment has this receipt number. */
		UNKNOWN_RECEIPT,
		/** The payment is processing or failed: no money was received to give back. */
		NOT_SETTLED,
		/** Everything the payment brought in has been refunded already. */
		FULLY_REFUNDED,
		/** The amount is zero, negative, in another currency or more than is left to refund. */
		INVALID_AMOUNT,
		/** The payment went through another gateway than the one configured now. */
		OTHER_GATEWAY,
		/** The same reason was given for an earlier refund of another amount: a different reason tells them apart. */
		DUPLICATE_REASON
	}

	private final Reason reason;

	public RefundRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
