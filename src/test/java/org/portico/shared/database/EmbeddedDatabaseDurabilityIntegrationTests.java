package org.portico.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps the customer's data: across a clean restart and across a hard kill of the
 * JVM, which leaves an orphaned PostgreSQL behind that the next start must stop and recover from.
 */
class EmbeddedDatabaseDurabilityIntegrationTests {

	@TempDir
	Path data;

	@Test
	void runsWithFsyncAndSynchronousCommitOn() throws Exception {
		try (var server = EmbeddedPostgresServer.startDurable(data, 0, Duration.ofSeconds(60));
				var connection = DriverManager.getConnection(server.jdbcUrl());
				var statement = connection.createStatement()) {
			for (String setting : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
				try (var rows = statement.executeQuery("show " + setting)) {
					rows.next();
					assertThat(rows.getString(1)).as(setting).isEqualTo("on");
				}
			}
		}
	}

	@Test
	void dataSurvivesARestart() throws Exception {
		try (var server = EmbeddedPostgresServer.startDurable(data, 0, Duration.ofSeconds(60));
				var connection = DriverManager.getConnection(server.jdbcUrl());
				var statement = connection.createStatement()) {
			statement.execute("create table kept (value text)");
			statement.execute("insert into kept values ('before restart')");
		}
		try (var server = EmbeddedPostgresServer.startDurable(data, 0, Duration.ofSeconds(60));
				var connection = DriverManager.getConnection(server.jdbcUrl());
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select value from kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("before restart");
		}
	}

	@Test
	void committedDataSurvivesAHardKillOfTheApplication() throws Exception {
		// A child JVM starts the durable server, commits a row and is then killed with SIGKILL.
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				CrashingApplication.class.getName(), data.toString())
			.redirectErrorStream(true)
			.start();
		try (var output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			boolean committed = false;
			while ((line = output.readLine()) != null) {
				if (line.equals("COMMITTED")) {
					committed = true;
					break;
				}
			}
			assertThat(committed).as("child committed its row").isTrue();
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
		assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive))
			.as("PostgreSQL orphaned by the killed JVM").contains(true);

		try (var server = EmbeddedPostgresServer.startDurable(data, 0, Duration.ofSeconds(120));
				var connection = DriverManager.getConnection(server.jdbcUrl());
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select value from crash_test")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("committed before the crash");
		}
		assertThat(ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)).as("orphan stopped").isEmpty();
	}

	/** The application that gets killed: starts the durable server, commits, says so, waits to be killed. */
	public static final class CrashingApplication {

		public static void main(String[] args) throws Exception {
			var server = EmbeddedPostgresServer.startDurable(Path.of(args[0]), 0, Duration.ofSeconds(60));
			try (var connection = DriverManager.getConnection(server.jdbcUrl());
					var statement = connection.createStatement()) {
				statement.execute("create table crash_test (value text)");
				statement.execute("insert into crash_test values ('committed before the crash')");
			}
			System.out.println("COMMITTED");
			System.out.flush();
			Thread.sleep(Duration.ofMinutes(5).toMillis());
		}
	}
}
