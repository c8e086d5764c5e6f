package org.portico.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.OfferingKind;
import org.portico.catalog.PromotionCode;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.InvalidValueException;
import org.portico.subscriptions.SubscriptionRejectedException.Reason;

class SubscriptionUnitTests {

	private static final LocalDate START = LocalDate.of(2026, 3, 15);

	@Test
	void isPendingBeforeItsStartActiveFromItAndEndedFromItsEnd() {
		var subscription = internet().endingOn(LocalDate.of(2026, 6, 1));
		assertThat(subscription.statusOn(START.minusDays(1))).isEqualTo(SubscriptionStatus.PENDING);
		assertThat(subscription.statusOn(START)).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(subscription.statusOn(LocalDate.of(2026, 5, 31))).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(subscription.statusOn(LocalDate.of(2026, 6, 1))).isEqualTo(SubscriptionStatus.ENDED);
		assertThat(subscription.isCurrentOn(LocalDate.of(2026, 5, 31))).isTrue();
		assertThat(subscription.isCurrentOn(LocalDate.of(2026, 6, 1))).isFalse();
	}

	@Test
	void endingOnItsStartCancelsIt() {
		var cancelled = internet().endingOn(START);
		assertThat(cancelled.statusOn(START)).isEqualTo(SubscriptionStatus.ENDED);
	}

	@Test
	void rejectsAnEndBeforeTheStart() {
		assertThatThrownBy(() -> internet().endingOn(START.minusDays(1)))
			.isInstanceOf(SubscriptionRejectedException.class)
			.extracting(e -> ((SubscriptionRejectedException) e).reason())
			.isEqualTo(Reason.BEFORE_START);
	}

	@Test
	void rejectsEndingTwice() {
		var ended = internet().endingOn(LocalDate.of(2026, 9, 1));
		assertThatThrownBy(() -> ended.endingOn(LocalDate.of(2026, 10, 1)))
			.isInstanceOf(SubscriptionRejectedException.class)
			.extracting(e -> ((SubscriptionRejectedException) e).reason())
			.isEqualTo(Reason.ALREADY_ENDED);
	}

	@Test
	void isSuspendedFromItsSuspensionUntilResumed() {
		var suspended = internet().suspendedFrom(LocalDate.of(2026, 4, 1));
		assertThat(suspended.statusOn(LocalDate.of(2026, 3, 31))).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(suspended.statusOn(LocalDate.of(2026, 4, 1))).isEqualTo(SubscriptionStatus.SUSPENDED);
		assertThatThrownBy(() -> suspended.suspendedFrom(LocalDate.of(2026, 5, 1)))
			.isInstanceOf(SubscriptionRejectedException.class);
		assertThatThrownBy(() -> suspended.resumedOn(LocalDate.of(2026, 3, 20)))
			.isInstanceOf(SubscriptionRejectedException.class);
		var resumed = suspended.resumedOn(LocalDate.of(2026, 5, 1));
		assertThat(resumed.statusOn(LocalDate.of(2026, 5, 1))).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThatThrownBy(() -> resumed.resumedOn(LocalDate.of(2026, 6, 1)))
			.isInstanceOf(SubscriptionRejectedException.class)
			.extracting(e -> ((SubscriptionRejectedException) e).reason())
			.isEqualTo(Reason.NOT_SUSPENDED);
	}

	@Test
	void endedBeatsSuspended() {
		var subscription = internet().suspendedFrom(LocalDate.of(2026, 4, 1)).endingOn(LocalDate.of(2026, 5, 1));
		assertThat(subscription.statusOn(LocalDate.of(2026, 5, 1))).isEqualTo(SubscriptionStatus.ENDED);
	}

	@Test
	void discountAppliesFromTheStartUntilThePromotionEnds() {
		var subscription = new Subscription(SubscriptionId.random(), account(), OfferingCode.of("INTERNET-500"),
				OfferingKind.INTERNET, START, null, PromotionCode.of("NEW"), START.plusMonths(12), null, null, null);
		assertThat(subscription.isDiscountedOn(START.minusDays(1))).isFalse();
		assertThat(subscription.isDiscountedOn(START)).isTrue();
		assertThat(subscription.isDiscountedOn(START.plusMonths(12).minusDays(1))).isTrue();
		assertThat(subscription.isDiscountedOn(START.plusMonths(12))).isFalse();
		assertThat(internet().isDiscountedOn(START)).isFalse();
	}

	@Test
	void onlyEquipmentHasASerialNumberAndItIsNormalised() {
		var gateway = new Subscription(SubscriptionId.random(), account(), OfferingCode.of("WIFI-GATEWAY"),
				OfferingKind.EQUIPMENT, START, null, null, null, " m11734abc123 ", null, null);
		assertThat(gateway.equipmentSerialNumber()).isEqualTo("M11734ABC123");
		assertThatThrownBy(() -> new Subscription(SubscriptionId.random(), account(), OfferingCode.of("INTERNET-500"),
				OfferingKind.INTERNET, START, null, null, null, "M11734ABC123", null, null))
			.isInstanceOf(SubscriptionRejectedException.class)
			.extracting(e -> ((SubscriptionRejectedException) e).messageKey())
			.isEqualTo("subscriptions.rejected.not-equipment");
		assertThatThrownBy(() -> new Subscription(SubscriptionId.random(), account(), OfferingCode.of("WIFI-GATEWAY"),
				OfferingKind.EQUIPMENT, START, null, null, null, "serial number!", null, null))
			.isInstanceOf(InvalidValueException.class);
	}

	@Test
	void messageKeyNamesTheRule() {
		assertThat(new SubscriptionRejectedException(Reason.PROMOTION_NOT_APPLICABLE, "x").messageKey())
			.isEqualTo("subscriptions.rejected.promotion-not-applicable");
	}

	@Test
	void parsesSubscriptionIds() {
		var id = SubscriptionId.random();
		assertThat(SubscriptionId.parse(id.toString())).isEqualTo(id);
		assertThatThrownBy(() -> SubscriptionId.parse("not-a-uuid")).isInstanceOf(InvalidValueException.class);
	}

	private static Subscription internet() {
		return new Subscription(SubscriptionId.random(), account(), OfferingCode.of("INTERNET-500"), OfferingKind.INTERNET,
				START, null, null, null, null, null, null);
	}

	private static ServiceAccountId account() {
		return new ServiceAccountId(UUID.randomUUID());
	}
}
