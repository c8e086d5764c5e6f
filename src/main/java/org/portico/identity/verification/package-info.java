/**
 * One-time codes and links (registration, password recovery, contact changes) and the masked contacts a
 * customer picks from: used by the identity module's own pages.
 */
@org.jspecify.annotations.NullMarked
package org.portico.identity.verification;
