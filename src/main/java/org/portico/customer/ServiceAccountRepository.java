package org.portico.customer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.shared.AccountNumber;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.portico.shared.PostalAddress;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People and service accounts in the {@code customer} schema. */
@Repository
class ServiceAccountRepository {

	private static final String SELECT_ACCOUNT = """
			select a.id, a.account_number, a.status, a.billing_day,
			       a.service_line1, a.service_line2, a.service_city, a.service_state, a.service_zip,
			       a.billing_line1, a.billing_line2, a.billing_city, a.billing_state, a.billing_zip,
			       p.id as person_id, p.first_name, p.last_name, p.email, p.phone, p.language
			from customer.service_account a join customer.person p on p.id = a.holder_id
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	ServiceAccountRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	long nextAccountSequence() {
		return jdbc.sql("select nextval('customer.account_number_seq')").query(Long.class).single();
	}

	/** Reserves {@code count} consecutive-in-allocation sequence values at once, for bulk imports. */
	List<Long> nextAccountSequences(int count) {
		return jdbc.sql("select nextval('customer.account_number_seq') from generate_series(1, :count)")
			.param("count", count)
			.query(Long.class)
			.list();
	}

	void insertPerson(PersonId id, String firstName, String lastName, EmailAddress email, @Nullable PhoneNumber phone,
			Language language) {
		jdbc.sql("""
				insert into customer.person (id, first_name, last_name, email, phone, language)
				values (:id, :first, :last, :email, :phone, :language)
				""")
			.param("id", id.value())
			.param("first", firstName)
			.param("last", lastName)
			.param("email", email.value())
			.param("phone", phone == null ? null : phone.e164())
			.param("language", language.tag())
			.update();
	}

	void insertAccount(ServiceAccountId id, AccountNumber number, PersonId holder, NewServiceAccount account) {
		jdbc.sql("""
				insert into customer.service_account (id, account_number, holder_id, status, billing_day,
				    service_line1, service_line2, service_city, service_state, service_zip,
				    billing_line1, billing_line2, billing_city, billing_state, billing_zip)
				values (:id, :number, :holder, :status, :billingDay, :s1, :s2, :sCity, :sState, :sZip,
				    :b1, :b2, :bCity, :bState, :bZip)
				""")
			.params(accountParams(id, number, holder, account))
			.update();
	}

	/** Inserts people and accounts in JDBC batches: the bulk generator's path (100,000s of rows). */
	void insertBatch(List<PersonId> people, List<ServiceAccountId> ids, List<AccountNumber> numbers,
			List<NewServiceAccount> accounts) {
		jdbcTemplate.batchUpdate(
				"insert into customer.person (id, first_name, last_name, email, phone, language) values (?, ?, ?, ?, ?, ?)",
				new BatchPreparedStatementSetter() {
					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						var account = accounts.get(i);
						ps.setObject(1, people.get(i).value());
						ps.setString(2, account.holderFirstName());
						ps.setString(3, account.holderLastName());
						ps.setString(4, account.email().value());
						ps.setString(5, account.phone() == null ? null : account.phone().e164());
						ps.setString(6, account.language().tag());
					}

					@Override
					public int getBatchSize() {
						return accounts.size();
					}
				});
		String[] columns = { "id", "number", "holder", "status", "billingDay", "s1", "s2", "sCity", "sState", "sZip",
				"b1", "b2", "bCity", "bState", "bZip" };
		jdbcTemplate.batchUpdate("""
				insert into customer.service_account (id, account_number, holder_id, status, billing_day,
				    service_line1, service_line2, service_city, service_state, service_zip,
				    billing_line1, billing_line2, billing_city, billing_state, billing_zip)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", new BatchPreparedStatementSetter() {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				var params = accountParams(ids.get(i), numbers.get(i), people.get(i), accounts.get(i));
				for (int c = 0; c < columns.length; c++) {
					ps.setObject(c + 1, params.get(columns[c]));
				}
			}

			@Override
			public int getBatchSize() {
				return accounts.size();
			}
		});
	}

	Optional<ServiceAccount> find(ServiceAccountId id) {
		return jdbc.sql(SELECT_ACCOUNT + " where a.id = :id").param("id", id.value()).query(this::map).optional();
	}

	Optional<ServiceAccount> findByNumber(AccountNumber number) {
		return jdbc.sql(SELECT_ACCOUNT + " where a.account_number = :number")
			.param("number", number.digits())
			.query(this::map)
			.optional();
	}

	List<ServiceAccount> findAll(Collection<ServiceAccountId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT_ACCOUNT + " where a.id in (:ids) order by a.account_number")
			.param("ids", ids.stream().map(ServiceAccountId::value).toList())
			.query(this::map)
			.list();
	}

	List<ServiceAccount> findOpenAfter(@Nullable ServiceAccountId after, int limit) {
		// the smallest UUID stands for "from the start"
		return jdbc.sql(SELECT_ACCOUNT + " where a.status <> 'CLOSED' and a.id > :after order by a.id limit :limit")
			.param("after", after == null ? new UUID(0, 0) : after.value())
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	List<ServiceAccount> findByHolder(PersonId holder) {
		return jdbc.sql(SELECT_ACCOUNT + " where a.holder_id = :holder order by a.account_number")
			.param("holder", holder.value())
			.query(this::map)
			.list();
	}

	Optional<AccountStatus> lockStatus(ServiceAccountId id) {
		return jdbc.sql("select status from customer.service_account where id = :id for update")
			.param("id", id.value())
			.query((rs, n) -> AccountStatus.valueOf(rs.getString(1)))
			.optional();
	}

	void updateStatus(ServiceAccountId id, AccountStatus status) {
		jdbc.sql("""
				update customer.service_account set status = :status, updated_at = now(), version = version + 1
				where id = :id
				""").param("id", id.value()).param("status", status.name()).update();
	}

	/** Sets the separate billing address, or none ({@code null}: bills go to the service address). */
	int updateBillingAddress(ServiceAccountId id, @Nullable PostalAddress billing) {
		var params = new java.util.HashMap<String, @Nullable Object>();
		params.put("id", id.value());
		params.put("b1", billing == null ? null : billing.line1());
		params.put("b2", billing == null ? null : billing.line2());
		params.put("bCity", billing == null ? null : billing.city());
		params.put("bState", billing == null ? null : billing.state());
		params.put("bZip", billing == null ? null : billing.zip());
		return jdbc.sql("""
				update customer.service_account set billing_line1 = :b1, billing_line2 = :b2, billing_city = :bCity,
				    billing_state = :bState, billing_zip = :bZip, updated_at = now(), version = version + 1
				where id = :id
				""").params(params).update();
	}

	int updateLanguage(PersonId id, Language language) {
		return jdbc.sql("""
				update customer.person set language = :language, updated_at = now(), version = version + 1 where id = :id
				""").param("id", id.value()).param("language", language.tag()).update();
	}

	Optional<Person> findPerson(PersonId id) {
		return jdbc.sql("select id, first_name, last_name, email, phone, language from customer.person where id = :id")
			.param("id", id.value())
			.query((rs, n) -> {
				String phone = rs.getString("phone");
				return new Person(new PersonId(rs.getObject("id", UUID.class)), rs.getString("first_name"),
						rs.getString("last_name"), new EmailAddress(rs.getString("email")),
						phone == null ? null : new PhoneNumber(phone), Language.fromTag(rs.getString("language")));
			})
			.optional();
	}

	long count() {
		return jdbc.sql("select count(*) from customer.service_account").query(Long.class).single();
	}

	private static java.util.Map<String, @Nullable Object> accountParams(ServiceAccountId id, AccountNumber number,
			PersonId holder, NewServiceAccount account) {
		var billing = account.separateBillingAddress();
		var service = account.serviceAddress();
		var params = new java.util.HashMap<String, @Nullable Object>();
		params.put("id", id.value());
		params.put("number", number.digits());
		params.put("holder", holder.value());
		params.put("status", account.status().name());
		params.put("billingDay", account.billingDay());
		params.put("s1", service.line1());
		params.put("s2", service.line2());
		params.put("sCity", service.city());
		params.put("sState", service.state());
		params.put("sZip", service.zip());
		params.put("b1", billing == null ? null : billing.line1());
		params.put("b2", billing == null ? null : billing.line2());
		params.put("bCity", billing == null ? null : billing.city());
		params.put("bState", billing == null ? null : billing.state());
		params.put("bZip", billing == null ? null : billing.zip());
		return params;
	}

	private ServiceAccount map(ResultSet rs, int row) throws SQLException {
		String phone = rs.getString("phone");
		var holder = new Person(new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("first_name"),
				rs.getString("last_name"), new EmailAddress(rs.getString("email")),
				phone == null ? null : new PhoneNumber(phone), Language.fromTag(rs.getString("language")));
		var service = new PostalAddress(rs.getString("service_line1"), rs.getString("service_line2"),
				rs.getString("service_city"), rs.getString("service_state"), rs.getString("service_zip"));
		PostalAddress billing = rs.getString("billing_line1") == null ? null
				: new PostalAddress(rs.getString("billing_line1"), rs.getString("billing_line2"),
						rs.getString("billing_city"), rs.getString("billing_state"), rs.getString("billing_zip"));
		return new ServiceAccount(new ServiceAccountId(rs.getObject("id", UUID.class)),
				new AccountNumber(rs.getString("account_number")), holder, service, billing,
				AccountStatus.valueOf(rs.getString("status")), rs.getInt("billing_day"));
	}
}
