/**
 * Each service account's services and rented equipment over time: which offering it has had, from when to
 * when, with which promotion; starts, changes and ends them and tells billing through events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "catalog", "identity" })
@org.jspecify.annotations.NullMarked
package org.portico.subscriptions;
