package org.portico.payments;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.portico.AccountFixtures.OwnedAccount;
import org.portico.billing.BillingFixtures;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Accounts with something to pay and sandbox cards to pay it with. Tokens come from the sandbox gateway's
 * own tokenisation endpoint, over HTTP, as the hosted fields get them.
 */
@Component
public class PaymentFixtures {

	public static final String APPROVED = "4242424242424242";

	public static final String INSUFFICIENT_FUNDS = "4000000000009995";

	public static final String EXPIRED = "4000000000000069";

	public static final String DECLINED = "4000000000000002";

	public static final String FAILS_LATER = "4000000000000259";

	public static final String TIMES_OUT = "4000000000003220";

	public static final String ROUTING = "110000000";

	public static final String BANK_OK = "000123456789";

	public static final String BANK_RETURNED = "000111111116";

	private final BillingFixtures billing;

	private final PaymentMethods methods;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	public PaymentFixtures(BillingFixtures billing, PaymentMethods methods,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.billing = billing;
		this.methods = methods;
		this.jdbc = jdbc;
	}

	/** Waits until no payments event is left for its listeners (they run after commit, on other threads). */
	public void awaitEventsHandled() {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from event_publication
				where completion_date is null and event_type like 'org.portico.payments.%'""")
			.query(Long.class)
			.single() == 0);
	}

	/** An owned account with one statement (Internet 300 from January 2026), unpaid. */
	public OwnedAccount billedAccount() {
		return billing.oneStatement().owned();
	}

	/** A single-use token for a test card, from the sandbox's tokenisation endpoint. */
	public static String cardToken(MockMvc mvc, String number) throws Exception {
		String json = """
				{"type":"card","number":"%s","expMonth":4,"expYear":2099,"cvc":"123","postalCode":"19103"}"""
			.formatted(number);
		return token(mvc, json);
	}

	/** A single-use token for a test bank account. */
	public static String bankToken(MockMvc mvc, String accountNumber) throws Exception {
		String json = """
				{"type":"bank_account","routingNumber":"%s","accountNumber":"%s","accountType":"checking","holderName":"Pat Doe"}"""
			.formatted(ROUTING, accountNumber);
		return token(mvc, json);
	}

	private static String token(MockMvc mvc, String json) throws Exception {
		var response = mvc.perform(post("/sandbox-gateway/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", "Bearer pk_sandbox_portico")
			.content(json)).andReturn().getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		if (response.getStatus() != 200) {
			throw new IllegalStateException("Tokenisation refused: " + body);
		}
		return JsonPath.read(body, "$.id");
	}

	/** Saves a test card on the account (as its owner would, with consent) and returns it. */
	public PaymentMethod savedCard(MockMvc mvc, OwnedAccount owned, String number) throws Exception {
		return methods.add(owned.account().id(), cardToken(mvc, number), false, owned.owner().id(),
				new Consent("I authorise saving this card for future payments.", "203.0.113.7"));
	}

	/** Saves a test bank account on the account and returns it. */
	public PaymentMethod savedBankAccount(MockMvc mvc, OwnedAccount owned, String accountNumber) throws Exception {
		return methods.add(owned.account().id(), bankToken(mvc, accountNumber), false, owned.owner().id(),
				new Consent("I authorise debits from this bank account.", "203.0.113.7"));
	}

	public static String newKey() {
		return UUID.randomUUID().toString();
	}

	public static PaymentRequest request(OwnedAccount owned, PaymentMethod method, Money amount) {
		return new PaymentRequest(owned.account().id(), newKey(), amount, method.id(), null, owned.owner().id());
	}

	public static ServiceAccountId id(OwnedAccount owned) {
		return owned.account().id();
	}
}
