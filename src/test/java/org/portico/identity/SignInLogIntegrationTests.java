package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.portico.AccountFixtures;
import org.portico.AuthorizationMatrix;
import org.portico.IntegrationTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/** Logs never carry passwords, full emails or phone numbers (DECISIONS.md), whatever happens at sign-in. */
@ExtendWith(OutputCaptureExtension.class)
class SignInLogIntegrationTests extends IntegrationTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Test
	void aFullSignInJourneyLeavesNoSecretOrContactDetailInTheLog(CapturedOutput output) throws Exception {
		var owned = fixtures.ownedAccount();
		String email = owned.owner().email().value();
		String wrongPassword = "wrong-password-" + System.nanoTime();
		mvc.perform(post("/login").param("username", email).param("password", wrongPassword).with(csrf()));
		mvc.perform(post("/login").param("username", email).param("password", "x".repeat(5000)).with(csrf()));
		var session = AuthorizationMatrix.signIn(mvc, email, AccountFixtures.SECRET);
		mvc.perform(get("/dashboard").cookie(session));
		mvc.perform(get("/account").cookie(session));
		mvc.perform(get("/services").cookie(session));
		mvc.perform(get("/no-such-page").cookie(session));
		mvc.perform(post("/logout").cookie(session).with(csrf()));

		String log = output.getAll();
		assertThat(log).doesNotContain(AccountFixtures.SECRET)
			.doesNotContain(wrongPassword)
			.doesNotContain(email)
			.doesNotContain(owned.account().holder().phone().e164())
			.doesNotContain(owned.account().holder().phone().display())
			.doesNotContain(session.getValue());
	}
}
