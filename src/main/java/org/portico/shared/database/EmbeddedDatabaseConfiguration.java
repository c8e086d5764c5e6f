package org.portico.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Without a configured {@code spring.datasource.url}, Portico starts its own PostgreSQL so that
 * {@code ./mvnw spring-boot:run} and {@code java -jar portico.jar} work with nothing installed.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
		return EmbeddedPostgresServer.startDurable(Path.of(properties.dataDirectory()), properties.port(),
				Duration.ofSeconds(properties.startupTimeoutSeconds()));
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgresServer server) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.jdbcUrl());
		dataSource.setPoolName("portico-embedded");
		dataSource.setMaximumPoolSize(10);
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		return dataSource;
	}
}
