package org.portico.payments.integration;

import java.util.Optional;

/**
 * The port to the payment processor. Card and bank details never pass through Portico: the browser sends
 * them to the gateway's own tokenisation endpoint ({@link #hostedFields()}) and Portico's server receives
 * only a single-use token, which it turns into a saved method ({@link #saveMethod}) or charges once.
 *
 * <p>Every charge and refund carries Portico's idempotency key: asking again with the same key returns
 * what the first request did and never moves money twice. That is how a timeout, a crash between the
 * gateway's answer and Portico's commit, or two nodes asking at once are made safe: ask again.
 *
 * <p>Errors: {@link GatewayRejectedException} when the gateway definitely refused the request (a tampered,
 * used or expired token, a detached method, a bad routing number) — nothing happened;
 * {@link GatewayUnavailableException} when the outcome is unknown (timeout, network, a 5xx) — ask again
 * later with the same key. A declined charge is not an exception but a {@link ChargeOutcome}.
 */
public interface PaymentGateway {

	/** The gateway's name as configured ({@code sandbox}, {@code stripe}), stored with each method and payment. */
	String name();

	/** What the browser loads to collect a card or bank account and turn it into a token. */
	HostedFields hostedFields();

	/**
	 * Turns a single-use token from the hosted fields into a reusable method at the gateway, filed under
	 * the gateway customer of {@code accountReference} (created when there is none yet).
	 *
	 * @param accountReference Portico's stable reference for the service account (its ID)
	 * @param existingCustomer the gateway customer already known for that account, if any
	 */
	GatewayMethod saveMethod(String token, String accountReference, Optional<String> existingCustomer);

	/** Detaches a saved method at the gateway; detaching one already gone is not an error. */
	void removeMethod(GatewayMethod.Reference method);

	/** Charges a saved method or a single-use token, once per {@link ChargeRequest#idempotencyKey()}. */
	ChargeOutcome charge(ChargeRequest request);

	/** Where a charge stands now: bank debits and some card charges settle (or fail) after a while. */
	ChargeOutcome status(String chargeReference);

	/** Refunds (part of) a settled charge, once per idempotency key. */
	RefundOutcome refund(String chargeReference, org.portico.shared.Money amount, String idempotencyKey);
}
