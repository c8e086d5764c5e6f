package org.portico.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.portico.customer.CustomerManagement;
import org.portico.shared.AccountNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The README's promise: every login in its demo-login table signs in with the password it gives, and the
 * account it names for trying registration exists with that ZIP and has no login.
 */
class DemoLoginsIntegrationTests extends IntegrationTestSupport {

	private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|(.*)\\|\\s*$");

	@Autowired
	MockMvc mvc;

	@Autowired
	CustomerManagement customers;

	@Test
	void everyDemoLoginInTheReadmeSignsIn() throws Exception {
		List<String[]> logins = new ArrayList<>();
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("## Demo logins");
		assertThat(start).as("README has a Demo logins section").isNotNegative();
		int end = readme.indexOf("\n## ", start + 1);
		for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
			var matcher = ROW.matcher(line);
			if (matcher.matches()) {
				logins.add(new String[] { matcher.group(1), matcher.group(2) });
			}
		}
		assertThat(logins).as("demo logins in the README").hasSizeGreaterThanOrEqualTo(5);
		for (String[] login : logins) {
			var session = AuthorizationMatrix.signIn(mvc, login[0], login[1]);
			var dashboard = mvc.perform(get("/dashboard").cookie(session)).andReturn().getResponse();
			assertThat(dashboard.getStatus()).as(login[0]).isEqualTo(200);
			assertThat(dashboard.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(login[0]).containsPattern("Account \\d{4} \\d{4} \\d{4}");
		}
	}

	@Test
	void theReadmesAccountWithoutALoginExists() throws Exception {
		String readme = Files.readString(Path.of("README.md"));
		var matcher = Pattern.compile("account number \\*\\*(\\d{4} \\d{4} \\d{4})\\*\\*.*?ZIP \\*\\*(\\d{5})\\*\\*",
				Pattern.DOTALL).matcher(readme);
		assertThat(matcher.find()).as("README names the login-less demo account as **nnnn nnnn nnnn** and **ZIP**")
			.isTrue();
		var account = customers.findByNumber(AccountNumber.parse(matcher.group(1)));
		assertThat(account).as("account " + matcher.group(1)).isPresent();
		assertThat(account.get().serviceAddress().zip5()).isEqualTo(matcher.group(2));
		assertThat(account.get().holder().fullName()).isEqualTo("Linda Park");
	}
}
