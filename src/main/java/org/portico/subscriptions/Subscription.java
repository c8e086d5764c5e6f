package org.portico.subscriptions;

import java.util.regex.Pattern;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.OfferingKind;
import org.portico.catalog.PromotionCode;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.InvalidValueException;
import org.portico.subscriptions.SubscriptionRejectedException.Reason;

/**
 * One offering on one service account for one stretch of time. Service runs from {@code startedOn} up to
 * the day before {@code endedOn}: the end is the first day without it, so that a change ends the old
 * offering on the very day the new one starts and billing counts {@code endedOn - startedOn} days.
 *
 * @param endedOn the first day without the service; may lie in the future (a scheduled end)
 * @param promotion the promotion given at the start, if any
 * @param promotionEndsOn the first day without the promotion's discount; present exactly with a promotion
 * @param equipmentSerialNumber the rented unit, for equipment once it is known
 * @param suspendedOn the first day of a suspension still in force
 * @param replaces the subscription this one took over from in a change
 */
public record Subscription(SubscriptionId id, ServiceAccountId account, OfferingCode offering, OfferingKind kind,
		LocalDate startedOn, @Nullable LocalDate endedOn, @Nullable PromotionCode promotion,
		@Nullable LocalDate promotionEndsOn, @Nullable String equipmentSerialNumber, @Nullable LocalDate suspendedOn,
		@Nullable SubscriptionId replaces) {

	private static final Pattern SERIAL = Pattern.compile("[A-Z0-9][A-Z0-9:-]{3,39}");

	public Subscription {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(offering, "offering");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(startedOn, "startedOn");
		if (endedOn != null && endedOn.isBefore(startedOn)) {
			throw new SubscriptionRejectedException(Reason.BEFORE_START, "A subscription cannot end before it starts");
		}
		if ((promotion == null) != (promotionEndsOn == null)) {
			throw new IllegalArgumentException("A promotion and its end go together");
		}
		equipmentSerialNumber = serialNumber(equipmentSerialNumber, kind);
	}

	/** The subscription's status on {@code date}. */
	public SubscriptionStatus statusOn(LocalDate date) {
		if (date.isBefore(startedOn)) {
			return SubscriptionStatus.PENDING;
		}
		if (endedOn != null && !date.isBefore(endedOn)) {
			return SubscriptionStatus.ENDED;
		}
		if (suspendedOn != null && !date.isBefore(suspendedOn)) {
			return SubscriptionStatus.SUSPENDED;
		}
		return SubscriptionStatus.ACTIVE;
	}

	/** Whether it is still current on {@code date}: pending, active or suspended, not ended. */
	public boolean isCurrentOn(LocalDate date) {
		return endedOn == null || date.isBefore(endedOn);
	}

	/** Whether the promotion's discount applies to {@code date}. */
	public boolean isDiscountedOn(LocalDate date) {
		return promotionEndsOn != null && !date.isBefore(startedOn) && date.isBefore(promotionEndsOn);
	}

	/** Ends the subscription: {@code date} is the first day without the service. */
	Subscription endingOn(LocalDate date) {
		requireNotEnded();
		if (date.isBefore(startedOn)) {
			throw new SubscriptionRejectedException(Reason.BEFORE_START,
					"The end " + date + " is before the start " + startedOn);
		}
		return new Subscription(id, account, offering, kind, startedOn, date, promotion, promotionEndsOn,
				equipmentSerialNumber, suspendedOn, replaces);
	}

	Subscription suspendedFrom(LocalDate date) {
		requireNotEnded();
		if (suspendedOn != null) {
			throw new SubscriptionRejectedException(Reason.ALREADY_SUSPENDED, id + " is suspended already");
		}
		if (date.isBefore(startedOn)) {
			throw new SubscriptionRejectedException(Reason.BEFORE_START,
					"The suspension " + date + " is before the start " + startedOn);
		}
		return new Subscription(id, account, offering, kind, startedOn, endedOn, promotion, promotionEndsOn,
				equipmentSerialNumber, date, replaces);
	}

	Subscription resumedOn(LocalDate date) {
		requireNotEnded();
		if (suspendedOn == null) {
			throw new SubscriptionRejectedException(Reason.NOT_SUSPENDED, id + " is not suspended");
		}
		if (date.isBefore(suspendedOn)) {
			throw new SubscriptionRejectedException(Reason.BEFORE_START,
					"The resumption " + date + " is before the suspension " + suspendedOn);
		}
		return new Subscription(id, account, offering, kind, startedOn, endedOn, promotion, promotionEndsOn,
				equipmentSerialNumber, null, replaces);
	}

	/** A scheduled end counts: the end date is changed by no one but the end itself. */
	void requireNotEnded() {
		if (endedOn != null) {
			throw new SubscriptionRejectedException(Reason.ALREADY_ENDED, id + " ended on " + endedOn);
		}
	}

	private static @Nullable String serialNumber(@Nullable String serial, OfferingKind kind) {
		if (serial == null || serial.isBlank()) {
			return null;
		}
		if (kind != OfferingKind.EQUIPMENT) {
			throw new SubscriptionRejectedException(Reason.NOT_EQUIPMENT, "Only equipment has a serial number");
		}
		String normalized = serial.strip().toUpperCase(Locale.ROOT);
		// serial numbers and MAC addresses as printed on the label
		if (!SERIAL.matcher(normalized).matches()) {
			throw new InvalidValueException("validation.equipment-serial.invalid", "Not an equipment serial number");
		}
		return normalized;
	}
}
