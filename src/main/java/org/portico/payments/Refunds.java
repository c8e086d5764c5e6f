package org.portico.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.portico.billing.BillingManagement;
import org.portico.catalog.LocalizedText;
import org.portico.payments.RefundRefusedException.Reason;
import org.portico.payments.RefundRepository.RefundablePayment;
import org.portico.payments.RefundRepository.StoredRefund;
import org.portico.payments.integration.PaymentGateway;
import org.portico.payments.integration.RefundOutcome;
import org.portico.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds of settled payments, made by staff (for now an operator command, README “Operations”). A refund
 * goes back to the method the payment was made with, through the gateway, and is posted to the ledger: what
 * the customer owes goes back up by the amount.
 *
 * <p>Each refund of a payment carries the idempotency key of the payment and its sequence number: a command
 * retried after a crash between the gateway's answer and Portico's commit asks the gateway for the same
 * refund again and gets the first one back, never a second. A command repeated after it succeeded (same
 * payment, same reason) finds the refund already made and moves nothing.
 */
@Service
public class Refunds {

	private static final Logger log = LoggerFactory.getLogger(Refunds.class);

	private final RefundRepository repository;

	private final PaymentGateway gateway;

	private final BillingManagement billing;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Refunds(RefundRepository repository, PaymentGateway gateway, BillingManagement billing,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.gateway = gateway;
		this.billing = billing;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Refunds {@code amount} of the payment with this receipt number (all that is left to refund when
	 * empty).
	 *
	 * @param reason why, in the operator's words (kept with the refund; not shown to the customer)
	 * @param operator who made it
	 * @throws RefundRefusedException when the refund cannot be made as asked; nothing moved
	 * @throws org.portico.payments.integration.GatewayRejectedException when the gateway refused it; nothing moved
	 * @throws org.portico.payments.integration.GatewayUnavailableException when the gateway's answer is unknown:
	 *     asking again is safe
	 */
	public Refund refund(String receiptNumber, Optional<Money> amount, String reason, String operator) {
		String why = requireText(reason, "reason", 500);
		String who = requireText(operator, "operator", 100);
		Refund refund = transactions.execute(status -> refundLocked(receiptNumber.strip(), amount, why, who));
		return Objects.requireNonNull(refund);
	}

	private Refund refundLocked(String receiptNumber, Optional<Money> requested, String reason, String operator) {
		RefundablePayment payment = repository.lockByReceipt(receiptNumber)
			.orElseThrow(() -> new RefundRefusedException(Reason.UNKNOWN_RECEIPT, "No payment has receipt number "
					+ receiptNumber));
		List<StoredRefund> earlier = repository.refundsOf(payment.id());
		Optional<StoredRefund> same = earlier.stream().filter(refund -> refund.reason().equals(reason)).findFirst();
		if (same.isPresent()) {
			return repeated(payment, same.get(), requested);
		}
		if (payment.status() != PaymentStatus.SETTLED && payment.status() != PaymentStatus.REFUNDED) {
			throw new RefundRefusedException(Reason.NOT_SETTLED, "Payment " + receiptNumber + " is "
					+ payment.status().name().toLowerCase() + ", not settled: there is nothing to refund");
		}
		if (payment.refundableMinor() <= 0) {
			throw new RefundRefusedException(Reason.FULLY_REFUNDED, "Payment " + receiptNumber
					+ " is refunded in full already");
		}
		Money left = Money.ofMinor(payment.refundableMinor(), payment.currency());
		Money amount = requested.orElse(left);
		if (!amount.currency().equals(payment.currency())) {
			throw new RefundRefusedException(Reason.INVALID_AMOUNT, "Payment " + receiptNumber + " was made in "
					+ payment.currency() + ", not " + amount.currency());
		}
		if (amount.isNegative() || amount.isZero()) {
			throw new RefundRefusedException(Reason.INVALID_AMOUNT, "A refund must be more than zero");
		}
		if (amount.compareTo(left) > 0) {
			throw new RefundRefusedException(Reason.INVALID_AMOUNT, "At most " + left.formatted() + " of payment "
					+ receiptNumber + " can be refunded, not " + amount.formatted());
		}
		if (!payment.gateway().equals(gateway.name()) || payment.gatewayReference() == null) {
			throw new RefundRefusedException(Reason.OTHER_GATEWAY, "Payment " + receiptNumber + " was made through "
					+ payment.gateway() + ", not the configured gateway " + gateway.name() + ": refund it there");
		}
		int sequence = earlier.size() + 1;
		String idempotencyKey = "refund-" + payment.id() + "-" + sequence;
		// the payment stays locked while the gateway answers: two operators cannot refund it at once
		RefundOutcome outcome = gateway.refund(payment.gatewayReference(), amount, idempotencyKey);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		long refunded = payment.refundedMinor() + amount.minorUnits();
		PaymentStatus status = refunded == payment.amountMinor() ? PaymentStatus.REFUNDED : PaymentStatus.SETTLED;
		repository.insert(id, payment, sequence, amount.minorUnits(), reason, operator, idempotencyKey,
				outcome.refundReference(), outcome.succeeded(), now);
		repository.recordRefunded(payment.id(), refunded, status, now);
		billing.recordRefund(payment.account(), amount, today, "refund:" + id,
				LocalizedText.of("Refund of payment " + payment.receiptNumber(),
						"Reembolso del pago " + payment.receiptNumber()));
		Money total = Money.ofMinor(refunded, payment.currency());
		events.publishEvent(new PaymentRefunded(payment.id(), id, payment.account(), payment.receiptNumber(), amount,
				total, status == PaymentStatus.REFUNDED, today, payment.kind(), payment.brand(), payment.last4()));
		log.info("Payment {} refunded {} of {} by operator {} (refund {})", payment.id(), amount.formatted(),
				payment.amount().formatted(), operator, id);
		return new Refund(id, payment.id(), payment.receiptNumber(), payment.amount(), amount, total, status, today, false,
				!outcome.succeeded());
	}

	/** The same command again: the refund it made is the answer, unless it now asks for another amount. */
	private Refund repeated(RefundablePayment payment, StoredRefund same, Optional<Money> requested) {
		Money amount = Money.ofMinor(same.amountMinor(), payment.currency());
		if (requested.isPresent() && requested.get().compareTo(amount) != 0) {
			throw new RefundRefusedException(Reason.DUPLICATE_REASON, "Payment " + payment.receiptNumber()
					+ " already had a refund of " + amount.formatted() + " for this reason: give another reason for "
					+ "another refund");
		}
		return new Refund(same.id(), payment.id(), payment.receiptNumber(), payment.amount(), amount,
				Money.ofMinor(payment.refundedMinor(), payment.currency()), payment.status(),
				same.createdOn(clock.getZone()), true, !same.gatewaySucceeded());
	}

	private static String requireText(String value, String name, int max) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty() || text.length() > max) {
			throw new IllegalArgumentException("A refund's " + name + " is 1 to " + max + " characters");
		}
		return text;
	}
}
