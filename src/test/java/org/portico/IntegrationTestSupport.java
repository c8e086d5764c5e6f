package org.portico;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the whole application on real PostgreSQL. All such tests share one
 * Spring context (same configuration, so the test context cache reuses it) and one database; tests
 * therefore create their own data (see the fixtures) rather than assume an empty database. The demo
 * provider is seeded, as in a local run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestClock.Configuration.class, SqlStatements.Configuration.class })
public abstract class IntegrationTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMail::port);
	}
}
