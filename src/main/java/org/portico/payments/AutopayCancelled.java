package org.portico.payments;

import org.portico.customer.ServiceAccountId;
import org.portico.identity.LoginId;

/** Autopay was turned off for an account. */
public record AutopayCancelled(ServiceAccountId account, LoginId by) {
}
