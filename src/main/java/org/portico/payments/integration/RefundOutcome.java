package org.portico.payments.integration;

/** A refund the gateway accepted: its ID and whether the money has gone back yet. */
public record RefundOutcome(String refundReference, boolean succeeded) {
}
