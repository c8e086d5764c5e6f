package org.portico.identity;

import org.portico.customer.ServiceAccountId;

/** A login's role on one service account. */
public record AccountGrant(LoginId login, ServiceAccountId account, GrantRole role) {
}
