package org.portico.payments;

import java.time.LocalDate;
import org.portico.customer.ServiceAccountId;

/**
 * An account dunning had suspended for non-payment is active again: the past-due amount was paid. Published
 * once per restoration (never for an account suspended for another reason).
 */
public record AccountRestored(ServiceAccountId account, LocalDate restoredOn) {
}
