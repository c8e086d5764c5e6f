package org.portico.payments;

import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;

/** Autopay was turned on for an account (by its owner, with consent recorded). */
public record AutopayEnrolled(ServiceAccountId account, PaymentMethodId method, LoginId by) {
}
