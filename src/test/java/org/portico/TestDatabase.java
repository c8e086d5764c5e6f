package org.portico;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.portico.shared.database.EmbeddedPostgresServer;

/**
 * The one PostgreSQL database of a test JVM. By default an embedded server (fsync off, thrown away at
 * exit); when {@code PORTICO_TEST_DATABASE_URL} names a server (CI points it at the machine's
 * PostgreSQL), a fresh database on it, created for this run and dropped after it, because CI reuses the
 * server as earlier runs left it.
 */
public final class TestDatabase {

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(.*)");

	private static String jdbcUrl;

	private TestDatabase() {
	}

	public static synchronized String jdbcUrl() {
		if (jdbcUrl == null) {
			String server = System.getenv("PORTICO_TEST_DATABASE_URL");
			if ((server == null || server.isBlank()) && "true".equalsIgnoreCase(System.getenv("CI"))) {
				// CI must test against the machine's PostgreSQL 15 (the oldest version we support).
				throw new IllegalStateException("CI=true but PORTICO_TEST_DATABASE_URL is not set: point it at the "
						+ "PostgreSQL server, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
			}
			jdbcUrl = server == null || server.isBlank() ? startEmbedded() : createDatabaseOn(server.strip());
		}
		return jdbcUrl;
	}

	private static String startEmbedded() {
		var server = EmbeddedPostgresServer.startEphemeral();
		Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-postgres-stop"));
		return server.jdbcUrl();
	}

	private static String createDatabaseOn(String serverUrl) {
		var matcher = URL.matcher(serverUrl);
		if (!matcher.matches()) {
			throw new IllegalStateException("PORTICO_TEST_DATABASE_URL must look like "
					+ "jdbc:postgresql://127.0.0.1:5432/test?user=postgres, was " + serverUrl);
		}
		String name = "portico_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
				+ ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
		try (var connection = DriverManager.getConnection(serverUrl); var statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot create a test database on " + serverUrl + ": " + e.getMessage(), e);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, name), "test-database-drop"));
		return matcher.group(1) + name + matcher.group(3);
	}

	private static void drop(String serverUrl, String name) {
		try (var connection = DriverManager.getConnection(serverUrl); var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException e) {
			System.err.println("Could not drop test database " + name + ": " + e.getMessage());
		}
	}
}
