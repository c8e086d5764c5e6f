/**
 * Everything Portico tells a customer: email, SMS and in-app notices from templates in the customer's
 * language, through an outbox in PostgreSQL with retries, per-login preferences, SMS consent and quiet
 * hours, the notification centre and the demo inbox. Other modules publish events it reacts to (or,
 * where they may depend on it, call {@link NotificationManagement}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customer", "identity", "billing", "payments" })
@org.jspecify.annotations.NullMarked
package org.portico.notifications;
