package org.portico.notifications;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.payments.Autopay;
import org.portico.payments.AutopayCancelled;
import org.portico.payments.AutopayChargeFailed;
import org.portico.payments.AutopayEnrolled;
import org.portico.payments.AutopayPaid;
import org.portico.payments.AutopayReminderDue;
import org.portico.payments.AutopayState;
import org.portico.payments.PaymentMethod;
import org.portico.payments.PaymentMethodKind;
import org.portico.payments.PaymentMethods;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Autopay's notices to the account holder (payments category): the confirmation that it is on (with the
 * method and the first charge) or off, the reminder before a charge, the notice that a charge went through
 * (with its receipt; the generic payment notices skip autopay's payments) and that one was declined (with
 * the day it is tried again, or that it will not be). Each goes out once however often its event is
 * replayed; a confirmation overtaken by a later change (turned off before the notice went out) is not sent.
 */
@Component
class AutopayNoticesListener {

	private final NotificationManagement notifications;

	private final CustomerManagement customers;

	private final Autopay autopay;

	private final PaymentMethods methods;

	AutopayNoticesListener(NotificationManagement notifications, CustomerManagement customers, Autopay autopay,
			PaymentMethods methods) {
		this.notifications = notifications;
		this.customers = customers;
		this.autopay = autopay;
		this.methods = methods;
	}

	@ApplicationModuleListener
	void on(AutopayEnrolled event) {
		Optional<Instant> since = autopay.enrolledAt(event.account());
		if (since.isEmpty()) {
			return;
		}
		var parameters = new HashMap<String, Object>();
		methods.find(event.account(), event.method()).ifPresent(method -> method(parameters, method));
		AutopayState state = autopay.state(event.account());
		if (state.nextChargeOn() != null && state.nextChargeAmount() != null && state.nextRetryOn() == null) {
			parameters.put("firstChargeOn", state.nextChargeOn());
			parameters.put("firstAmount", state.nextChargeAmount().formatted());
		}
		send(event.account(), "autopay-enrolled", parameters, since.get().toEpochMilli() + "");
	}

	@ApplicationModuleListener
	void on(AutopayCancelled event) {
		if (autopay.enrolledAt(event.account()).isPresent()) {
			return;
		}
		autopay.cancelledAt(event.account())
			.ifPresent(at -> send(event.account(), "autopay-cancelled", Map.of(), at.toEpochMilli() + ""));
	}

	@ApplicationModuleListener
	void on(AutopayReminderDue event) {
		var parameters = new HashMap<String, Object>();
		parameters.put("amount", event.amount().formatted());
		parameters.put("chargeOn", event.chargeOn());
		if (event.kind() != null) {
			method(parameters, event.kind(), event.brand(), event.last4());
		}
		send(event.account(), "autopay-reminder", parameters, event.statement().value().toString());
	}

	@ApplicationModuleListener
	void on(AutopayPaid event) {
		var parameters = new HashMap<String, Object>();
		method(parameters, event.kind(), event.brand(), event.last4());
		parameters.put("amount", event.amount().formatted());
		parameters.put("receiptNumber", event.receiptNumber());
		parameters.put("paidOn", event.paidOn());
		send(event.account(), "autopay-paid", parameters, event.payment().toString());
	}

	@ApplicationModuleListener
	void on(AutopayChargeFailed event) {
		var parameters = new HashMap<String, Object>();
		parameters.put("amount", event.amount().formatted());
		parameters.put("reason", event.reason());
		if (event.nextAttemptOn() != null) {
			parameters.put("nextAttemptOn", event.nextAttemptOn());
		}
		send(event.account(), "autopay-failed", parameters, event.statement().value() + ":" + event.attempt());
	}

	private void send(ServiceAccountId id, String template, Map<String, Object> parameters, String dedupe) {
		ServiceAccount account = customers.find(id).orElse(null);
		if (account == null) {
			return;
		}
		var all = new HashMap<>(parameters);
		all.put("accountNumber", account.number().display());
		notifications.send(Notification.of(Category.PAYMENTS, template, new Recipient.Customer(account.holder().id()), all)
			.withDedupeKey(template + ":" + id + ":" + dedupe));
	}

	private static void method(Map<String, Object> parameters, PaymentMethod method) {
		method(parameters, method.kind(), method.brand(), method.last4());
	}

	private static void method(Map<String, Object> parameters, PaymentMethodKind kind, @Nullable String brand,
			@Nullable String last4) {
		parameters.put("kind", kind.name());
		parameters.put("brand", brand == null ? "card" : brand);
		parameters.put("last4", last4 == null ? "" : last4);
	}
}
