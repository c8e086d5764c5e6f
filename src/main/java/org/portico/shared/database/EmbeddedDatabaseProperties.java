package org.portico.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param port the port to listen on (loopback only); 0 picks a free one
 * @param startupTimeoutSeconds how long to wait for the server, including crash recovery after a hard stop
 */
@ConfigurationProperties("portico.embedded-database")
public record EmbeddedDatabaseProperties(
		@DefaultValue("./data/postgres") String dataDirectory,
		@DefaultValue("0") int port,
		@DefaultValue("120") int startupTimeoutSeconds) {
}
