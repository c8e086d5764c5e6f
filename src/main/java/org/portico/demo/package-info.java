/**
 * The demo provider: seeds the catalogue and a handful of accounts in distinct situations when demo
 * mode is on, and generates any number of realistic accounts for benchmarks. Uses only the other
 * modules' façades, as an operator's import would.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "catalog", "subscriptions",
		"identity", "billing" })
@org.jspecify.annotations.NullMarked
package org.portico.demo;
