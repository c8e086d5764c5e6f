/**
 * Logins, their credentials and grants to service accounts, sign-in and sessions, and the one
 * authorisation check every account-touching controller and façade goes through: {@link AccountAccess}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "customer")
@org.jspecify.annotations.NullMarked
package org.portico.identity;
