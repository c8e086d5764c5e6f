/**
 * Billing: each service account's append-only ledger, the billing run that issues a statement on every
 * billing day (recurring charges in advance, proration, promotions, one-time charges, usage in arrears,
 * taxes and fees from configuration, late fees), the statements customers read and download, and the
 * print export of paper statements.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "catalog", "subscriptions", "identity" })
@org.jspecify.annotations.NullMarked
package org.portico.billing;
