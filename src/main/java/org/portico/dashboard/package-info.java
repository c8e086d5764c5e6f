/**
 * The home page a signed-in customer lands on: “am I OK?” at a glance, composed read-only from the
 * other modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "identity", "customer" })
@org.jspecify.annotations.NullMarked
package org.portico.dashboard;
