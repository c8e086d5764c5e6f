package org.portico.subscriptions;

/**
 * A start, change or end the subscription rules do not allow. The reason names the rule; its message key
 * lets a page explain it in the reader's language.
 */
public class SubscriptionRejectedException extends RuntimeException {

	private final Reason reason;

	public SubscriptionRejectedException(Reason reason, String detail) {
		super(detail);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/** Message bundle key, for example {@code subscriptions.rejected.promotion-ended}. */
	public String messageKey() {
		return "subscriptions.rejected." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** The rule that was broken. */
	public enum Reason {

		UNKNOWN_ACCOUNT, ACCOUNT_CLOSED, UNKNOWN_OFFERING, INACTIVE_OFFERING, UNKNOWN_PROMOTION,

		/** The promotion is for another offering. */
		PROMOTION_NOT_APPLICABLE,

		/** The promotion's fixed end date is before the start of service. */
		PROMOTION_ENDED,

		/** A change keeps the kind of service: internet to internet, TV to TV. */
		DIFFERENT_KIND,

		/** A change to the offering the subscription already has. */
		SAME_OFFERING,

		/** An ended subscription (or one whose end is scheduled) is not changed, ended or suspended again. */
		ALREADY_ENDED,

		/** The effective date is before the subscription's start (or its suspension). */
		BEFORE_START,

		/** An equipment serial number on a subscription that is not equipment. */
		NOT_EQUIPMENT,

		ALREADY_SUSPENDED, NOT_SUSPENDED
	}
}
