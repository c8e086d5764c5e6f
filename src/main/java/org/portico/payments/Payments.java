package org.portico.payments;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.billing.AmountDue;
import org.portico.billing.BillingManagement;
import org.portico.billing.PendingPaymentSource;
import org.portico.catalog.LocalizedText;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.payments.integration.ChargeOutcome;
import org.portico.payments.integration.ChargeRequest;
import org.portico.payments.integration.GatewayMethod;
import org.portico.payments.integration.GatewayRejectedException;
import org.portico.payments.integration.GatewayUnavailableException;
import org.portico.payments.integration.PaymentGateway;
import org.portico.shared.Money;
import org.portico.shared.ProviderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time payments, charged exactly once. A payment is first recorded as processing under the payment
 * form's idempotency key (a unique constraint: a double click, a browser retry or a second node finds
 * that row instead of making another), then charged at the gateway under the same key, then settled
 * (posted to the ledger) or failed. When the gateway's answer is lost — a timeout, a crash between its
 * answer and the commit — the payment stays processing and {@link #reconcile()} asks the gateway again with
 * the same key, which returns the first charge's result instead of charging twice.
 */
@Service
public class Payments implements PendingPaymentSource {

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	// Crockford's base32: no I, L, O or U to misread on a receipt
	private static final String RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMdd");

	private final PaymentRepository payments;

	private final PaymentMethodRepository methods;

	private final PaymentGateway gateway;

	private final BillingManagement billing;

	private final CustomerManagement customers;

	private final PaymentsProperties properties;

	private final ProviderProperties provider;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Payments(PaymentRepository payments, PaymentMethodRepository methods, PaymentGateway gateway,
			BillingManagement billing, CustomerManagement customers, PaymentsProperties properties,
			ProviderProperties provider, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.payments = payments;
		this.methods = methods;
		this.gateway = gateway;
		this.billing = billing;
		this.customers = customers;
		this.properties = properties;
		this.provider = provider;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** What the account can pay now: amount due now, statement balance, bounds. */
	public PaymentOptions options(ServiceAccountId account) {
		Optional<AmountDue> due = billing.amountDue(account);
		Money balance = billing.balance(account);
		var currency = balance.currency();
		Money pending = Money.ofMinor(payments.pendingMinor(account), currency);
		Money zero = Money.zero(currency);
		Money statementBalance = due.map(AmountDue::statementAmountDue).orElse(zero);
		Money dueNow = due.map(d -> d.remaining().minus(pending)).orElse(zero);
		Money current = balance.minus(pending);
		Money maximum = maximum(current);
		Money pastDue = billing.pastDue(account).map(overdue -> overdue.amount().minus(pending)).orElse(zero);
		return new PaymentOptions(dueNow.isNegative() ? zero : dueNow, statementBalance.isNegative() ? zero : statementBalance,
				current, pending, new Money(properties.minimum(), currency), maximum,
				due.map(AmountDue::dueDate).orElse(null), due.map(AmountDue::status).orElse(null),
				pastDue.isNegative() ? zero : pastDue);
	}

	/**
	 * Submits a confirmed payment and charges it, once per idempotency key: submitting a key again returns
	 * the payment made with it (processing, settled or failed) without charging. A declined charge comes back
	 * as a failed payment; a gateway that does not answer leaves it processing, for reconciliation.
	 *
	 * @throws PaymentRejectedException when the amount is out of bounds, the method is not on file or the
	 *     card token is refused: nothing recorded, nothing charged
	 */
	public Payment pay(PaymentRequest request) {
		return submit(new Submission(request.account(), request.idempotencyKey(), request.amount(), request.method(),
				request.oneTimeToken(), request.payer(), true));
	}

	/**
	 * An autopay charge of a saved method: the same exactly-once path as {@link #pay(PaymentRequest)} (the
	 * key's row first, then the gateway under the key, reconciliation when the answer is lost) with no payer
	 * login. The minimum payment does not apply: autopay pays what is due, however little.
	 *
	 * @param idempotencyKey {@code autopay-<statement>-<attempt>}: the same attempt is one payment
	 * @throws PaymentRejectedException when the method is not on file or has expired: nothing charged
	 */
	Payment payAutopay(ServiceAccountId account, String idempotencyKey, Money amount, PaymentMethodId method) {
		return submit(new Submission(account, idempotencyKey, amount, method, null, null, false));
	}

	/** The idempotency key a payment was made with. */
	Optional<String> idempotencyKey(PaymentId payment) {
		return payments.find(payment).map(PaymentRepository.Stored::idempotencyKey);
	}

	private Payment submit(Submission request) {
		Optional<PaymentRepository.Stored> earlier = payments.findByKey(request.idempotencyKey());
		if (earlier.isPresent()) {
			return sameAccount(earlier.get(), request);
		}
		checkAmount(request.account(), request.amount(), request.minimum());
		Source source = resolve(request);
		if (source == null) {
			// the one-time card's token was used up by the same form submitted a moment ago: that is the payment
			return sameAccount(awaitPayment(request.idempotencyKey()), request);
		}
		Instant now = clock.instant();
		PaymentRepository.NewPayment payment = null;
		for (int attempt = 0; payment == null; attempt++) {
			var candidate = new PaymentRepository.NewPayment(PaymentId.random(), request.account(),
					receiptNumber(LocalDate.now(clock)), request.idempotencyKey(), request.amount(), request.method(),
					source.kind, source.brand, source.last4, gateway.name(), source.reference.customer(),
					source.reference.method(), request.method() == null, request.payer(), now, LocalDate.now(clock),
					now.plus(properties.reconcileAfter()));
			Boolean inserted = transactions.execute(status -> {
				if (!payments.insert(candidate)) {
					return false;
				}
				events.publishEvent(new PaymentSubmitted(candidate.id(), candidate.account(), candidate.amount(),
						candidate.submittedOn()));
				return true;
			});
			if (Boolean.TRUE.equals(inserted)) {
				payment = candidate;
				continue;
			}
			Optional<PaymentRepository.Stored> first = payments.findByKey(request.idempotencyKey());
			if (first.isPresent()) {
				// the same form, submitted at the same moment: that submission is the payment
				if (request.method() == null) {
					detachQuietly(source.reference);
				}
				return sameAccount(first.get(), request);
			}
			// the receipt number was drawn before (about one in a billion a day): draw again
			if (attempt == 4) {
				throw new IllegalStateException("No free receipt number after 5 draws");
			}
		}
		PaymentRepository.Stored stored = payment.asStored();
		log.info("Payment {} of {} submitted on account {} by {}", payment.receiptNumber(), payment.amount(),
				request.account(), source.kind == PaymentMethodKind.CARD ? "card" : "bank account");
		return charge(stored);
	}

	/** The payment made with a pay form's idempotency key on this account, if that form was submitted. */
	public Optional<Payment> madeWith(ServiceAccountId account, String idempotencyKey) {
		return payments.findByKey(idempotencyKey)
			.map(PaymentRepository.Stored::payment)
			.filter(payment -> payment.account().equals(account));
	}

	/** The account's payments, newest first. */
	public List<Payment> history(ServiceAccountId account) {
		return payments.findByAccount(account, 200);
	}

	/** One payment of the account by its receipt number; empty for another account's. */
	public Optional<Payment> receipt(ServiceAccountId account, String receiptNumber) {
		if (receiptNumber == null || !receiptNumber.matches("R\\d{6}-[0-9A-Z]{8}")) {
			return Optional.empty();
		}
		return payments.findByReceipt(account, receiptNumber);
	}

	/** Payments of the account still processing. */
	public Money pending(ServiceAccountId account) {
		return Money.ofMinor(payments.pendingMinor(account), billing.balance(account).currency());
	}

	@Override
	public Map<ServiceAccountId, Long> pendingMinor(Collection<ServiceAccountId> accounts, LocalDate submittedBy) {
		return payments.pendingMinor(accounts, submittedBy);
	}

	/**
	 * Asks the gateway about processing payments whose answer is overdue (their charge's status, or the
	 * charge again under the same key when its answer was lost) and settles or fails them. Returns how many
	 * it looked at. Nodes share the work: each claims its rows with {@code skip locked}.
	 */
	public int reconcile() {
		int looked = 0;
		while (true) {
			Instant now = clock.instant();
			List<PaymentRepository.Stored> due = transactions
				.execute(status -> payments.claimDue(now, now.plus(properties.reconcileAfter()), 50));
			if (due == null || due.isEmpty()) {
				return looked;
			}
			for (PaymentRepository.Stored payment : due) {
				try {
					charge(payment);
				}
				catch (RuntimeException e) {
					log.warn("Reconciling payment {} failed, will try again: {}", payment.payment().receiptNumber(),
							e.getMessage());
				}
			}
			looked += due.size();
		}
	}

	/** Charges (or asks again about) a processing payment and applies the answer. */
	private Payment charge(PaymentRepository.Stored stored) {
		Payment payment = stored.payment();
		ChargeOutcome outcome;
		try {
			if (stored.gatewayReference() != null) {
				outcome = gateway.status(stored.gatewayReference());
			}
			else {
				outcome = gateway.charge(new ChargeRequest(stored.idempotencyKey(),
						new GatewayMethod.Reference(stored.gatewayCustomer(), stored.gatewayMethod()), null, payment.amount(),
						description(payment.account()), payment.receiptNumber()));
			}
		}
		catch (GatewayUnavailableException unknown) {
			log.warn("Payment {}: no answer from the gateway ({}); reconciliation will ask again",
					payment.receiptNumber(), unknown.getMessage());
			return payment;
		}
		catch (GatewayRejectedException refused) {
			// the gateway will not charge it at all (a method detached meanwhile): no money moved
			log.warn("Payment {}: the gateway refused the charge ({})", payment.receiptNumber(), refused.code());
			fail(stored, null, "METHOD_UNAVAILABLE");
			return reload(payment);
		}
		switch (outcome.status()) {
			case SUCCEEDED -> settle(stored, outcome.chargeReference());
			case DECLINED -> fail(stored, outcome.chargeReference(),
					outcome.declineReason() == null ? "GENERIC" : outcome.declineReason().name());
			case PROCESSING -> payments.recordGatewayReference(payment.id(), outcome.chargeReference());
		}
		return reload(payment);
	}

	private void settle(PaymentRepository.Stored stored, String chargeReference) {
		Payment payment = stored.payment();
		Boolean settled = transactions.execute(status -> {
			if (!payments.markSettled(payment.id(), chargeReference, clock.instant())) {
				return false;
			}
			billing.recordPayment(payment.account(), payment.amount(), payment.submittedOn(),
					"payment:" + payment.receiptNumber(),
					LocalizedText.of("Payment, thank you (receipt " + payment.receiptNumber() + ")",
							"Pago, gracias (recibo " + payment.receiptNumber() + ")"));
			events.publishEvent(new PaymentSettled(payment.id(), payment.account(), payment.receiptNumber(),
					payment.amount(), payment.submittedOn(), stored.payer(), payment.methodKind(), payment.brand(),
					payment.last4()));
			return true;
		});
		if (Boolean.TRUE.equals(settled)) {
			log.info("Payment {} settled", payment.receiptNumber());
			finished(stored);
		}
	}

	private void fail(PaymentRepository.Stored stored, @Nullable String chargeReference, String reason) {
		Payment payment = stored.payment();
		Boolean failed = transactions.execute(status -> {
			if (!payments.markFailed(payment.id(), chargeReference, reason, clock.instant())) {
				return false;
			}
			events.publishEvent(new PaymentFailed(payment.id(), payment.account(), payment.receiptNumber(),
					payment.amount(), payment.submittedOn(), stored.payer(), payment.methodKind(), payment.brand(),
					payment.last4(), reason));
			return true;
		});
		if (Boolean.TRUE.equals(failed)) {
			log.info("Payment {} failed: {}", payment.receiptNumber(), reason);
			finished(stored);
		}
	}

	/** A card entered for one payment is not kept at the gateway once that payment is final. */
	private void finished(PaymentRepository.Stored stored) {
		if (stored.oneTime()) {
			detachQuietly(new GatewayMethod.Reference(stored.gatewayCustomer(), stored.gatewayMethod()));
		}
	}

	private Payment reload(Payment payment) {
		return payments.find(payment.id()).orElseThrow().payment();
	}

	private void checkAmount(ServiceAccountId account, Money amount, boolean minimum) {
		if (amount.amount().scale() > amount.currency().getDefaultFractionDigits()
				&& amount.amount().stripTrailingZeros().scale() > amount.currency().getDefaultFractionDigits()) {
			throw new PaymentRejectedException("amount_invalid", "Amounts are in whole cents");
		}
		// the bounds only, as options() has them: not the statement's amount due, which reads the whole ledger
		Money balance = billing.balance(account);
		Money current = balance.minus(Money.ofMinor(payments.pendingMinor(account), balance.currency()));
		if (amount.isZero() || amount.isNegative()) {
			throw new PaymentRejectedException("amount_below_minimum", "Below the minimum payment");
		}
		if (minimum && amount.compareTo(new Money(properties.minimum(), balance.currency())) < 0) {
			throw new PaymentRejectedException("amount_below_minimum", "Below the minimum payment");
		}
		if (amount.compareTo(maximum(current)) > 0) {
			throw new PaymentRejectedException("amount_above_maximum", "Above the largest payment allowed");
		}
	}

	/** The largest payment: what is owed less what is processing (none when in credit), plus the prepay allowed. */
	private Money maximum(Money current) {
		Money owed = current.isNegative() ? Money.zero(current.currency()) : current;
		return owed.plus(new Money(properties.maxPrepay(), current.currency()));
	}

	/** What will be charged: the saved method, or the one-time card saved at the gateway for this charge. */
	private @Nullable Source resolve(Submission request) {
		if (request.method() != null) {
			var stored = methods.find(request.account(), request.method())
				.orElseThrow(() -> new PaymentRejectedException("method_missing", "No such payment method on file"));
			PaymentMethod method = stored.method();
			if (method.isExpiredOn(LocalDate.now(clock))) {
				throw new PaymentRejectedException("method_expired", "The card has expired");
			}
			return new Source(stored.reference(), method.kind(), method.brand(), method.last4());
		}
		Optional<String> customer = methods.gatewayCustomer(request.account(), gateway.name());
		GatewayMethod saved;
		try {
			saved = gateway.saveMethod(request.oneTimeToken(), request.account().value().toString(), customer);
		}
		catch (GatewayRejectedException refused) {
			if (payments.findByKey(request.idempotencyKey()).isPresent() || awaitPaymentQuietly(request.idempotencyKey())) {
				return null;
			}
			throw new PaymentRejectedException("token_invalid", "The card details were refused: " + refused.code());
		}
		catch (GatewayUnavailableException unknown) {
			throw new PaymentRejectedException("gateway_unavailable", "The payment service did not answer");
		}
		if (customer.isEmpty()) {
			methods.rememberGatewayCustomer(request.account(), gateway.name(), saved.reference().customer());
		}
		if (saved.kind() != PaymentMethodKind.CARD) {
			detachQuietly(saved.reference());
			throw new PaymentRejectedException("one_time_card_only", "A one-time payment is made by card");
		}
		return new Source(saved.reference(), saved.kind(), saved.brand(), saved.last4());
	}

	/** The same form, submitted twice at once: wait briefly for the first submission's row. */
	private boolean awaitPaymentQuietly(String key) {
		for (int i = 0; i < 30; i++) {
			if (payments.findByKey(key).isPresent()) {
				return true;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private PaymentRepository.Stored awaitPayment(String key) {
		return payments.findByKey(key)
			.orElseThrow(() -> new PaymentRejectedException("token_invalid", "The card details were refused"));
	}

	private static Payment sameAccount(PaymentRepository.Stored stored, Submission request) {
		if (!stored.payment().account().equals(request.account())) {
			// a key is random per form: another account's key means a forged form
			throw new PaymentRejectedException("form_invalid", "The payment form is not valid");
		}
		return stored.payment();
	}

	private String description(ServiceAccountId account) {
		String number = customers.find(account).map(a -> a.number().display()).orElse("");
		return provider.name() + " account " + number;
	}

	private void detachQuietly(GatewayMethod.Reference reference) {
		try {
			gateway.removeMethod(reference);
		}
		catch (RuntimeException e) {
			log.warn("Could not detach a one-time card at the gateway: {}", e.getMessage());
		}
	}

	static String receiptNumber(LocalDate on) {
		var text = new StringBuilder("R").append(RECEIPT_DATE.format(on)).append('-');
		// 8 characters: 10^12 a day, so a clash (drawn again) is rare even at a provider's busiest
		for (int i = 0; i < 8; i++) {
			text.append(RECEIPT_ALPHABET.charAt(RANDOM.nextInt(RECEIPT_ALPHABET.length())));
		}
		return text.toString();
	}

	/** A payment to submit: a customer's confirmed request, or an autopay charge (no payer, no minimum). */
	private record Submission(ServiceAccountId account, String idempotencyKey, Money amount,
			@Nullable PaymentMethodId method, @Nullable String oneTimeToken, @Nullable LoginId payer, boolean minimum) {
	}

	private record Source(GatewayMethod.Reference reference, PaymentMethodKind kind, @Nullable String brand,
			@Nullable String last4) {
	}
}
