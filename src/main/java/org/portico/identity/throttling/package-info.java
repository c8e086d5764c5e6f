/**
 * Sign-in throttling (module-internal): failures counted per login and source, per login across sources
 * and per source across logins, in PostgreSQL so every node sees the same state; refusals happen before
 * any password hashing and never sleep a thread.
 */
@org.jspecify.annotations.NullMarked
package org.portico.identity.throttling;
