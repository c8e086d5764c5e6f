package org.portico.payments;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payments ({@code portico.payments.*}, DECISIONS.md “Payments”).
 *
 * @param gateway which gateway charges: {@code sandbox} (the built-in simulator, the default) or
 *     {@code stripe}
 * @param minimum the smallest payment
 * @param maxPrepay how far above the outstanding balance one payment may go
 * @param reconcileAfter how long a payment may stay unanswered by the gateway before the reconciliation
 *     job asks the gateway about it (and how long between its later looks)
 * @param reconcile when the reconciliation job looks for payments to settle (a cron expression)
 * @param reconcileEnabled whether this node schedules reconciliation at all
 * @param expiryWarningDays a saved card's owner is told this many days before it expires
 * @param suspendAfterDays an account past due this many days is suspended
 * @param reminderDays days past due on which a reminder goes out
 * @param dunning when the dunning job runs (a cron expression in {@code portico.zone})
 * @param dunningEnabled whether this node schedules dunning and card-expiry warnings at all
 */
@ConfigurationProperties("portico.payments")
public record PaymentsProperties(@DefaultValue("sandbox") String gateway, @DefaultValue("1.00") BigDecimal minimum,
		@DefaultValue("500.00") BigDecimal maxPrepay, @DefaultValue("PT2M") Duration reconcileAfter,
		@DefaultValue("0 * * * * *") String reconcile, @DefaultValue("true") boolean reconcileEnabled,
		@DefaultValue("30") int expiryWarningDays, @DefaultValue("30") int suspendAfterDays,
		@DefaultValue({ "1", "10", "20" }) List<Integer> reminderDays, @DefaultValue("0 20 * * * *") String dunning,
		@DefaultValue("true") boolean dunningEnabled) {

	public PaymentsProperties {
		if (!gateway.equals("sandbox") && !gateway.equals("stripe")) {
			throw new IllegalArgumentException("portico.payments.gateway is sandbox or stripe, not '" + gateway + "'");
		}
		if (minimum.signum() <= 0 || minimum.scale() > 2) {
			throw new IllegalArgumentException("portico.payments.minimum must be more than zero, in cents");
		}
		if (maxPrepay.signum() < 0 || maxPrepay.scale() > 2) {
			throw new IllegalArgumentException("portico.payments.max-prepay must be zero or more, in cents");
		}
		if (reconcileAfter.isNegative() || reconcileAfter.isZero()) {
			throw new IllegalArgumentException("portico.payments.reconcile-after must be positive");
		}
		if (suspendAfterDays < 1) {
			throw new IllegalArgumentException("portico.payments.suspend-after-days must be at least 1");
		}
		if (reminderDays.stream().anyMatch(day -> day < 1 || day >= suspendAfterDays)) {
			throw new IllegalArgumentException(
					"portico.payments.reminder-days must each be at least 1 and before suspend-after-days");
		}
		reminderDays = reminderDays.stream().distinct().sorted().toList();
	}
}
