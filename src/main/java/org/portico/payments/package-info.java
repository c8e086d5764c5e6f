/**
 * Payments: the account's saved payment methods (cards and bank accounts, held at the gateway; Portico
 * keeps only a token, brand, last four and expiry), one-time payments that are charged exactly once,
 * payment history and receipts, reconciliation against the gateway, autopay (each statement paid on its
 * due date, with a reminder before and retries after a decline), dunning (reminders, suspension,
 * restoration) and refunds. The gateway is a port with a built-in sandbox and a Stripe-shaped adapter.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "billing", "identity", "catalog" })
@org.jspecify.annotations.NullMarked
package org.portico.payments;
