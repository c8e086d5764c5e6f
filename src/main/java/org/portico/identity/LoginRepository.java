package org.portico.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.portico.customer.PersonId;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.CustomerId;
import org.portico.shared.EmailAddress;
import org.portico.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Logins and grants in the {@code identity} schema. */
@Repository
class LoginRepository {

	private final JdbcClient jdbc;

	LoginRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(LoginId id, PersonId person, EmailAddress email, CustomerId customerId, String passwordHash) {
		jdbc.sql("""
				insert into identity.login (id, person_id, email, customer_id, password_hash)
				values (:id, :person, :email, :customerId, :hash)
				""")
			.param("id", id.value())
			.param("person", person.value())
			.param("email", email.value())
			.param("customerId", customerId.value())
			.param("hash", passwordHash)
			.update();
	}

	boolean emailTaken(EmailAddress email) {
		return jdbc.sql("select exists (select 1 from identity.login where lower(email) = lower(:email))")
			.param("email", email.value())
			.query(Boolean.class)
			.single();
	}

	boolean customerIdTaken(CustomerId customerId) {
		return jdbc.sql("select exists (select 1 from identity.login where upper(customer_id) = :id)")
			.param("id", customerId.value())
			.query(Boolean.class)
			.single();
	}

	Optional<Login> find(LoginId id) {
		return jdbc.sql("select id, person_id, email, customer_id, enabled from identity.login where id = :id")
			.param("id", id.value())
			.query(LoginRepository::mapLogin)
			.optional();
	}

	Optional<Login> findByPerson(PersonId person) {
		return jdbc.sql("select id, person_id, email, customer_id, enabled from identity.login where person_id = :person")
			.param("person", person.value())
			.query(LoginRepository::mapLogin)
			.optional();
	}

	/** The login with this email or customer ID, with its password hash, for sign-in. */
	Optional<SignInRecord> findForSignIn(String column, String value) {
		String where = column.equals("email") ? "lower(email) = lower(:value)" : "upper(customer_id) = upper(:value)";
		return jdbc.sql("select id, person_id, customer_id, email, enabled, password_hash from identity.login where " + where)
			.param("value", value)
			.query((rs, n) -> new SignInRecord(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
					rs.getString("customer_id"), rs.getString("email"), rs.getBoolean("enabled"),
					rs.getString("password_hash")))
			.optional();
	}

	Optional<String> passwordHash(LoginId login) {
		return jdbc.sql("select password_hash from identity.login where id = :id")
			.param("id", login.value())
			.query(String.class)
			.optional();
	}

	void updatePasswordHash(LoginId login, String passwordHash) {
		jdbc.sql("update identity.login set password_hash = :hash where id = :id")
			.param("id", login.value())
			.param("hash", passwordHash)
			.update();
	}

	/** The login with this email or customer ID (case-insensitive), for recovery. */
	Optional<Login> findByIdentifier(String column, String value) {
		String where = column.equals("email") ? "lower(email) = lower(:value)" : "upper(customer_id) = upper(:value)";
		return jdbc.sql("select id, person_id, email, customer_id, enabled from identity.login where " + where)
			.param("value", value)
			.query(LoginRepository::mapLogin)
			.optional();
	}

	Optional<PhoneNumber> phone(LoginId login) {
		return jdbc.sql("select phone from identity.login where id = :id and phone is not null")
			.param("id", login.value())
			.query((rs, n) -> new PhoneNumber(rs.getString(1)))
			.optional();
	}

	/** Whether a login other than {@code except} signs in with this email. */
	boolean emailTakenByOther(EmailAddress email, LoginId except) {
		return jdbc.sql("select exists (select 1 from identity.login where lower(email) = lower(:email) and id <> :id)")
			.param("email", email.value())
			.param("id", except.value())
			.query(Boolean.class)
			.single();
	}

	/** Whether a login other than {@code except} has this customer ID. */
	boolean customerIdTakenByOther(CustomerId customerId, LoginId except) {
		return jdbc.sql("select exists (select 1 from identity.login where upper(customer_id) = :cid and id <> :id)")
			.param("cid", customerId.value())
			.param("id", except.value())
			.query(Boolean.class)
			.single();
	}

	void updateEmail(LoginId login, EmailAddress email) {
		jdbc.sql("""
				update identity.login set email = :email, updated_at = now(), version = version + 1 where id = :id
				""").param("id", login.value()).param("email", email.value()).update();
	}

	void updatePhone(LoginId login, PhoneNumber phone) {
		jdbc.sql("""
				update identity.login set phone = :phone, updated_at = now(), version = version + 1 where id = :id
				""").param("id", login.value()).param("phone", phone.e164()).update();
	}

	void updateCustomerId(LoginId login, CustomerId customerId) {
		jdbc.sql("""
				update identity.login set customer_id = :cid, updated_at = now(), version = version + 1 where id = :id
				""").param("id", login.value()).param("cid", customerId.value()).update();
	}

	record SignInRecord(UUID id, UUID person, String customerId, String email, boolean enabled, String passwordHash) {
	}

	void grant(LoginId login, ServiceAccountId account, GrantRole role) {
		jdbc.sql("""
				insert into identity.account_grant (login_id, service_account_id, role) values (:login, :account, :role)
				on conflict (login_id, service_account_id) do update set role = excluded.role
				""")
			.param("login", login.value())
			.param("account", account.value())
			.param("role", role.name())
			.update();
	}

	void revoke(LoginId login, ServiceAccountId account) {
		jdbc.sql("delete from identity.account_grant where login_id = :login and service_account_id = :account")
			.param("login", login.value())
			.param("account", account.value())
			.update();
	}

	/** A login's grants, owner grants first, then by when they were given. */
	List<AccountGrant> grantsOf(LoginId login) {
		return jdbc.sql("""
				select login_id, service_account_id, role from identity.account_grant where login_id = :login
				order by case role when 'OWNER' then 0 when 'MANAGER' then 1 else 2 end, created_at, service_account_id
				""")
			.param("login", login.value())
			.query((rs, n) -> new AccountGrant(new LoginId(rs.getObject("login_id", UUID.class)),
					new ServiceAccountId(rs.getObject("service_account_id", UUID.class)),
					GrantRole.valueOf(rs.getString("role"))))
			.list();
	}

	private static Login mapLogin(ResultSet rs, int row) throws SQLException {
		return new Login(new LoginId(rs.getObject("id", UUID.class)), new PersonId(rs.getObject("person_id", UUID.class)),
				new EmailAddress(rs.getString("email")), new CustomerId(rs.getString("customer_id")),
				rs.getBoolean("enabled"));
	}
}
