package org.portico.customer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.portico.shared.AccountNumber;
import org.portico.shared.EmailAddress;
import org.portico.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds customers by what they can tell about themselves before they have a login: the account number
 * with the billing ZIP, or the phone or email on file (registration, “forgot customer ID”). Closed
 * accounts never match. Callers must not reveal on screen whether anything matched.
 */
@Service
public class AccountLookup {

	private final JdbcClient jdbc;

	private final CustomerManagement customers;

	AccountLookup(JdbcClient jdbc, CustomerManagement customers) {
		this.jdbc = jdbc;
		this.customers = customers;
	}

	/**
	 * The account with this number whose billing ZIP (the service address’s unless a separate billing
	 * address is on file) starts with {@code zip5}, unless it is closed.
	 */
	@Transactional(readOnly = true)
	public Optional<ServiceAccount> openAccount(AccountNumber number, String zip5) {
		return jdbc.sql("""
				select id from customer.service_account
				where account_number = :number and status <> 'CLOSED'
				  and left(coalesce(billing_zip, service_zip), 5) = :zip
				""")
			.param("number", number.digits())
			.param("zip", zip5)
			.query(UUID.class)
			.optional()
			.flatMap(id -> customers.find(new ServiceAccountId(id)));
	}

	/** The accounts the person holds that are not closed, ordered by account number. */
	@Transactional(readOnly = true)
	public List<ServiceAccount> openAccountsOf(PersonId holder) {
		List<ServiceAccountId> ids = jdbc.sql("""
				select id from customer.service_account where holder_id = :holder and status <> 'CLOSED'
				""")
			.param("holder", holder.value())
			.query(UUID.class)
			.list()
			.stream()
			.map(ServiceAccountId::new)
			.toList();
		return customers.findAll(ids);
	}

	/** Holders of accounts that are not closed whose phone on file is {@code phone}. */
	@Transactional(readOnly = true)
	public List<Person> holdersWithPhone(PhoneNumber phone) {
		return people("""
				select distinct p.id from customer.person p join customer.service_account a on a.holder_id = p.id
				where p.phone = :value and a.status <> 'CLOSED'
				""", phone.e164());
	}

	/** Everyone whose phone on file is {@code phone} (account holders or not). */
	@Transactional(readOnly = true)
	public List<Person> peopleWithPhone(PhoneNumber phone) {
		return people("select id from customer.person where phone = :value", phone.e164());
	}

	/** Everyone whose email on file is {@code email}, compared without regard to case. */
	@Transactional(readOnly = true)
	public List<Person> peopleWithEmail(EmailAddress email) {
		return people("select id from customer.person where lower(email) = lower(:value)", email.value());
	}

	private List<Person> people(String sql, String value) {
		return jdbc.sql(sql)
			.param("value", value)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> customers.findPerson(new PersonId(id)))
			.flatMap(Optional::stream)
			.toList();
	}
}
