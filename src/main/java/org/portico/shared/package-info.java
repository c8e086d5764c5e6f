/**
 * Value types every module speaks (money, account numbers, emails, phones, addresses, the customer ID),
 * the embedded default database, time and web support shared by all pages and the API.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.portico.shared;
