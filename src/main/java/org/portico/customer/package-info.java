/**
 * Customers and their service accounts: the account number, the account holder, service and billing
 * addresses, contacts, language, status and billing day. Knows nothing of logins ({@code identity}
 * depends on it, never the reverse): callers check access before they call.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.portico.customer;
