package org.portico.payments;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;
import org.portico.payments.integration.GatewayMethod;
import org.portico.payments.integration.GatewayRejectedException;
import org.portico.payments.integration.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's saved payment methods. A method is added from a single-use token the gateway's hosted
 * fields produced (the card or bank account number went to the gateway, never here), with the consent the
 * customer gave; the first method on file becomes the default. Like the other façades it trusts its
 * callers to have checked who may do this (only an account's owner, after re-authentication).
 */
@Service
public class PaymentMethods {

	private static final Logger log = LoggerFactory.getLogger(PaymentMethods.class);

	private final PaymentMethodRepository methods;

	private final PaymentGateway gateway;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PaymentMethods(PaymentMethodRepository methods, PaymentGateway gateway, TransactionTemplate transactions,
			Clock clock, ApplicationEventPublisher events) {
		this.methods = methods;
		this.gateway = gateway;
		this.transactions = transactions;
		this.clock = clock;
		this.events = events;
	}

	/** The account's methods on file, the default first. */
	public List<PaymentMethod> methods(ServiceAccountId account) {
		return methods.findActive(account);
	}

	/** One method on file of this account; empty for another account's or a removed one. */
	public Optional<PaymentMethod> find(ServiceAccountId account, PaymentMethodId id) {
		return methods.find(account, id).map(PaymentMethodRepository.Stored::method);
	}

	/** The account's default method, if it has one on file. */
	public Optional<PaymentMethod> defaultMethod(ServiceAccountId account) {
		return methods(account).stream().filter(PaymentMethod::isDefault).findFirst();
	}

	/**
	 * Saves the method behind a hosted-fields token at the gateway and on file, recording the consent
	 * (card on file, or the bank debit authorisation).
	 *
	 * @throws org.portico.payments.integration.GatewayRejectedException for a tampered, used or expired token
	 * @throws org.portico.payments.integration.GatewayUnavailableException when the gateway does not answer
	 */
	public PaymentMethod add(ServiceAccountId account, String token, boolean makeDefault, LoginId addedBy,
			Consent consent) {
		return add(account, token, null, makeDefault, addedBy, consent);
	}

	/**
	 * As {@link #add(ServiceAccountId, String, boolean, LoginId, Consent)}, for a page that asked for one
	 * kind of method and showed that kind's consent: a token for the other kind (a card token posted with
	 * the bank debit authorisation, say) is refused and nothing is kept, here or at the gateway.
	 *
	 * @param expected the kind the customer was adding; null accepts either
	 * @throws org.portico.payments.integration.GatewayRejectedException with code {@code kind_mismatch} for a
	 *     token of the other kind, or as the gateway refused the token
	 */
	public PaymentMethod add(ServiceAccountId account, String token, @Nullable PaymentMethodKind expected,
			boolean makeDefault, LoginId addedBy, Consent consent) {
		Optional<String> customer = methods.gatewayCustomer(account, gateway.name());
		GatewayMethod saved = gateway.saveMethod(token, account.value().toString(), customer);
		if (expected != null && saved.kind() != expected) {
			detachQuietly(saved.reference());
			throw new GatewayRejectedException("kind_mismatch",
					"The token is for a " + saved.kind() + ", not a " + expected);
		}
		var id = PaymentMethodId.random();
		try {
			transactions.executeWithoutResult(status -> {
				methods.lockAccount(account);
				methods.rememberGatewayCustomer(account, gateway.name(), saved.reference().customer());
				boolean first = methods.findActive(account).isEmpty();
				methods.insert(id, account, gateway.name(), saved, first, addedBy, clock.instant());
				if (makeDefault && !first) {
					methods.makeDefault(account, id);
				}
				methods.recordConsent(account, addedBy,
						saved.kind() == PaymentMethodKind.CARD ? Consent.Kind.CARD_ON_FILE : Consent.Kind.BANK_DEBIT,
						consent, id, null, clock.instant());
				events.publishEvent(new PaymentMethodsChanged(account));
			});
		}
		catch (RuntimeException e) {
			// not on file, so not at the gateway either
			detachQuietly(saved.reference());
			throw e;
		}
		log.info("Payment method {} added to account {}", id, account);
		return find(account, id).orElseThrow();
	}

	/** Makes a method on file the default; false when there is no such method on this account. */
	public boolean makeDefault(ServiceAccountId account, PaymentMethodId id) {
		Boolean done = transactions.execute(status -> {
			methods.lockAccount(account);
			boolean made = methods.makeDefault(account, id);
			if (made) {
				events.publishEvent(new PaymentMethodsChanged(account));
			}
			return made;
		});
		return Boolean.TRUE.equals(done);
	}

	/**
	 * Removes a method from file and detaches it at the gateway. When it was the default, the newest
	 * remaining method becomes the default. False when there is no such method on this account.
	 */
	public boolean remove(ServiceAccountId account, PaymentMethodId id) {
		Optional<PaymentMethodRepository.Stored> stored = methods.find(account, id);
		if (stored.isEmpty()) {
			return false;
		}
		Boolean removed = transactions.execute(status -> {
			methods.lockAccount(account);
			Optional<Boolean> wasDefault = methods.remove(account, id, clock.instant());
			if (wasDefault.isEmpty()) {
				return false;
			}
			if (wasDefault.get()) {
				methods.findActive(account).stream().findFirst().ifPresent(next -> methods.makeDefault(account, next.id()));
			}
			events.publishEvent(new PaymentMethodsChanged(account));
			return true;
		});
		if (Boolean.TRUE.equals(removed)) {
			detachQuietly(stored.get().reference());
			log.info("Payment method {} removed from account {}", id, account);
		}
		return Boolean.TRUE.equals(removed);
	}

	/** The gateway's reference to charge a method on file by. */
	Optional<PaymentMethodRepository.Stored> stored(ServiceAccountId account, PaymentMethodId id) {
		return methods.find(account, id);
	}

	private void detachQuietly(GatewayMethod.Reference reference) {
		try {
			gateway.removeMethod(reference);
		}
		catch (RuntimeException e) {
			// the method is off file either way; an orphan at the gateway can never be charged by Portico
			log.warn("Could not detach a payment method at the gateway: {}", e.getMessage());
		}
	}
}
