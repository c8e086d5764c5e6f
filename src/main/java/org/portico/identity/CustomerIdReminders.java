package org.portico.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.portico.customer.AccountLookup;
import org.portico.customer.CustomerManagement;
import org.portico.customer.Person;
import org.portico.customer.PersonId;
import org.portico.shared.AccountNumber;
import org.portico.shared.EmailAddress;
import org.portico.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * “Forgot customer ID”: sends the customer ID of the login that typed details point at to a contact on
 * file — never shows it. By email: to that email, when it is a login’s email or a customer’s email on file.
 * By phone: a text to that phone, when it is on file. By account number and billing ZIP: to the holder’s
 * address of record. A holder without a login is told how to register instead. Each destination gets at
 * most one such message per login (or holder) every {@value #WINDOW_MINUTES} minutes, however often it is
 * asked, so the form cannot be used to flood someone.
 */
@Service
public class CustomerIdReminders {

	static final int WINDOW_MINUTES = 15;

	private final AccountLookup lookup;

	private final CustomerManagement customers;

	private final IdentityManagement identity;

	private final SecurityMessages messages;

	private final JdbcClient jdbc;

	private final Clock clock;

	CustomerIdReminders(AccountLookup lookup, CustomerManagement customers, IdentityManagement identity,
			SecurityMessages messages, JdbcClient jdbc, Clock clock) {
		this.lookup = lookup;
		this.customers = customers;
		this.identity = identity;
		this.messages = messages;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** To the email on file that matches (a login’s sign-in email, or a customer’s email of record). */
	@Transactional
	public void byEmail(EmailAddress email) {
		Map<UUID, Person> people = new LinkedHashMap<>();
		Map<UUID, EmailAddress> onFile = new LinkedHashMap<>();
		jdbc.sql("select person_id, email from identity.login where enabled and lower(email) = lower(:value)")
			.param("value", email.value())
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new EmailAddress(rs.getString(2))))
			.list()
			.forEach(row -> customers.findPerson(new PersonId(row.getKey())).ifPresent(p -> {
				people.put(row.getKey(), p);
				onFile.put(row.getKey(), row.getValue());
			}));
		for (Person person : lookup.peopleWithEmail(email)) {
			people.putIfAbsent(person.id().value(), person);
			onFile.putIfAbsent(person.id().value(), person.email());
		}
		for (Person person : people.values()) {
			EmailAddress to = onFile.get(person.id().value());
			remind(person, new SecurityMessages.ToEmail(to, person.language()), "email:" + to.value().toLowerCase());
		}
	}

	@Transactional
	public void byPhone(PhoneNumber phone) {
		Map<UUID, Person> people = new LinkedHashMap<>();
		for (UUID personId : loginPeople("phone = :value", phone.e164())) {
			customers.findPerson(new PersonId(personId)).ifPresent(p -> people.put(personId, p));
		}
		lookup.peopleWithPhone(phone).forEach(p -> people.putIfAbsent(p.id().value(), p));
		for (Person person : people.values()) {
			remind(person, new SecurityMessages.ToPhone(phone, person.language()), "sms:" + phone.e164());
		}
	}

	@Transactional
	public void byAccount(AccountNumber number, String zip5) {
		lookup.openAccount(number, zip5)
			.ifPresent(account -> remind(account.holder(), new SecurityMessages.ToCustomer(account.holder().id()),
					"record"));
	}

	private void remind(Person person, SecurityMessages.Destination to, String destination) {
		Optional<Login> login = identity.loginOf(person.id()).filter(Login::enabled);
		if (login.isEmpty() && lookup.openAccountsOf(person.id()).isEmpty()) {
			return;
		}
		String who = login.map(l -> "login:" + l.id()).orElse("holder:" + person.id());
		if (!firstInWindow(who + ":" + destination)) {
			return;
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("firstName", person.firstName());
		if (login.isPresent()) {
			parameters.put("customerId", login.get().customerId().value());
			messages.send(to, "customer-id-reminder", parameters, true, null);
		}
		else {
			messages.send(to, "customer-id-none", parameters, true, null);
		}
	}

	/**
	 * Whether nothing went to this login (or holder) and destination in the last {@value #WINDOW_MINUTES}
	 * minutes, marking it sent now if so: one statement, so two nodes asked at once send one message.
	 */
	private boolean firstInWindow(String key) {
		var now = clock.instant();
		return jdbc.sql("""
				insert into identity.reminder_sent as r (key, sent_at) values (:key, :now)
				on conflict (key) do update set sent_at = excluded.sent_at where r.sent_at <= :since
				returning 1
				""")
			.param("key", java.util.HexFormat.of().formatHex(sha256(key)))
			.param("now", java.sql.Timestamp.from(now))
			.param("since", java.sql.Timestamp.from(now.minus(Duration.ofMinutes(WINDOW_MINUTES))))
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	private static byte[] sha256(String value) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256")
				.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private List<UUID> loginPeople(String condition, String value) {
		return jdbc.sql("select person_id from identity.login where enabled and " + condition)
			.param("value", value)
			.query(UUID.class)
			.list();
	}
}
