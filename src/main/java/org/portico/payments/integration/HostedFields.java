package org.portico.payments.integration;

/**
 * What a payment page needs to load the gateway's card and bank entry: the script to include, the
 * publishable (public) key it is started with, and the gateway's tokenisation endpoint the script posts
 * to. None of it is secret.
 */
public record HostedFields(String scriptUrl, String publishableKey, String tokenUrl) {
}
