package org.portico.payments;

import org.portico.customer.ServiceAccountId;

/**
 * An account's saved payment methods changed: one added or removed, or another made the default (which
 * is what autopay will charge). Carries no card or account details.
 */
public record PaymentMethodsChanged(ServiceAccountId account) {
}
