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
		String url = server.jdbcUrl();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			awaitClientsGone(url, "portico");
			server.close();
		}, "test-postgres-stop"));
		return url;
	}

	/**
	 * JVM shutdown hooks run concurrently: Spring closes the test contexts (and their connection pools)
	 * in its own hook. Stopping the database under it would leave Spring waiting for connections until
	 * the pool times out, so wait (briefly) until the application's connections are gone.
	 */
	private static void awaitClientsGone(String url, String database) {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		try (var connection = DriverManager.getConnection(url);
				var count = connection.prepareStatement(
						"select count(*) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
			count.setString(1, database);
			while (System.nanoTime() < deadline) {
				try (var rows = count.executeQuery()) {
					rows.next();
					if (rows.getLong(1) == 0) {
						return;
					}
				}
				Thread.sleep(100);
			}
		}
		catch (SQLException | InterruptedException e) {
			// the server is going away anyway
		}
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
		String url = matcher.group(1) + name + matcher.group(3);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			awaitClientsGone(serverUrl, name);
			drop(serverUrl, name);
		}, "test-database-drop"));
		return url;
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
