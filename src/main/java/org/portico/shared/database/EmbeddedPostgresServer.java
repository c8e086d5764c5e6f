package org.portico.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Portico's embedded default database: a real PostgreSQL server (zonky's binaries) whose cluster lives
 * under {@code ./data/} and survives restarts and crashes. zonky tunes its servers for throw-away test
 * databases (fsync and synchronous commit off); here they are turned back on, because this is the
 * customer's data.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	public static final String DATABASE = "portico";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/** Starts (and on first use creates) the durable cluster in {@code dataDirectory}. */
	public static EmbeddedPostgresServer startDurable(Path dataDirectory, int port, Duration startupTimeout) {
		try {
			Files.createDirectories(dataDirectory);
			stopOrphanedServer(dataDirectory);
			var builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				// Spring stops the server after the connection pool (destroy order); zonky's own hook
				// would stop it while requests are still draining during a graceful shutdown.
				.setRegisterShutdownHook(false)
				.setPGStartupWait(startupTimeout)
				.setServerConfig("listen_addresses", "localhost")
				// zonky passes -F (fsync off) and synchronous_commit=off; later settings win.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("max_connections", "100")
				.setServerConfig("timezone", "UTC");
			if (port > 0) {
				builder.setPort(port);
			}
			var server = new EmbeddedPostgresServer(builder.start());
			server.createDatabaseIfMissing();
			log.info("Embedded PostgreSQL ready on port {} with data in {}", server.port(), dataDirectory.toAbsolutePath());
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath()
					+ " (set spring.datasource.url to use an external PostgreSQL instead)", e);
		}
	}

	/** Starts a throw-away server (fsync off) in a fresh directory, for tests. */
	public static EmbeddedPostgresServer startEphemeral() {
		try {
			var server = new EmbeddedPostgresServer(EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "200")
				.setServerConfig("timezone", "UTC")
				.start());
			server.createDatabaseIfMissing();
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
		}
	}

	public int port() {
		return postgres.getPort();
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", DATABASE);
	}

	@Override
	public void close() {
		try {
			postgres.close();
		}
		catch (IOException e) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
		}
	}

	private void createDatabaseIfMissing() {
		try (var connection = postgres.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			try (var rows = exists.executeQuery()) {
				if (!rows.next()) {
					try (var create = connection.createStatement()) {
						create.execute("create database " + DATABASE + " encoding 'UTF8'");
					}
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create the embedded database '" + DATABASE + "'", e);
		}
	}

	/**
	 * If Portico was killed hard, its PostgreSQL keeps running and holds the data directory. zonky's lock
	 * file tells a live Portico apart from a dead one: when nobody holds it, the server recorded in
	 * {@code postmaster.pid} is an orphan and is asked to shut down (PostgreSQL then recovers from its
	 * write-ahead log at the next start).
	 */
	private static void stopOrphanedServer(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try (var lockFile = new RandomAccessFile(dataDirectory.resolve("epg-lock").toFile(), "rw");
				FileLock lock = lockFile.getChannel().tryLock()) {
			if (lock == null) {
				throw new IllegalStateException("Another Portico is already running on " + dataDirectory.toAbsolutePath()
						+ "; stop it first or set portico.embedded-database.data-directory");
			}
			String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
			if (!firstLine.matches("\\d+")) {
				return;
			}
			var process = ProcessHandle.of(Long.parseLong(firstLine));
			if (process.isEmpty() || !process.get().isAlive()
					|| !process.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
				return; // stale pid file: PostgreSQL cleans it up itself
			}
			log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by an earlier run", firstLine);
			process.get().destroy();
			try {
				process.get().onExit().get(60, TimeUnit.SECONDS);
			}
			catch (Exception e) {
				throw new IllegalStateException("The orphaned embedded PostgreSQL (pid " + firstLine + ") did not stop", e);
			}
		}
	}
}
