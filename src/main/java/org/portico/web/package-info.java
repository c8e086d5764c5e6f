/**
 * The web shell: layout, branding, navigation and the account switcher, language switch, error pages
 * and problem details, and the Account page that composes the other modules' views of an account.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "customer", "subscriptions", "notifications" })
@org.jspecify.annotations.NullMarked
package org.portico.web;
