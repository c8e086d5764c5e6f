/**
 * The home page a signed-in customer lands on: “am I OK?” at a glance, read from a projection the module
 * keeps of each account (account_overview), refreshed from the other modules' façades on their events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "customer", "billing", "payments",
		"subscriptions", "notifications", "catalog" })
@org.jspecify.annotations.NullMarked
package org.portico.dashboard;
