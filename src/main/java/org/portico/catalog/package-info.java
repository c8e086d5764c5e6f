/**
 * The provider's offers: internet tiers with their FCC broadband labels, TV packages and channel add-ons,
 * phone plans and features, rented equipment, and the promotions that discount them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.portico.catalog;
