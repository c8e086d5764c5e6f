package org.portico.identity;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.PersonId;
import org.portico.customer.ServiceAccountId;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.shared.CustomerId;
import org.portico.shared.EmailAddress;
import org.portico.shared.InvalidValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's façade for creating logins and granting them access to service accounts (used
 * by the demo seeder and tests now; registration and household invitations later).
 */
@Service
public class IdentityManagement {

	static final int MIN_PASSWORD_LENGTH = 12;

	static final int MAX_PASSWORD_LENGTH = 256;

	private final LoginRepository logins;

	private final CustomerManagement customers;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final SecureRandom random = new SecureRandom();

	IdentityManagement(LoginRepository logins, CustomerManagement customers, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events) {
		this.logins = logins;
		this.customers = customers;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
	}

	/**
	 * Creates the online login of a customer, with the customer ID they chose or an assigned one
	 * ({@code C} + 8 digits).
	 */
	@Transactional
	public Login createLogin(PersonId person, EmailAddress email, @Nullable CustomerId chosenCustomerId,
			String password) {
		if (customers.findPerson(person).isEmpty()) {
			throw new IllegalArgumentException("No customer " + person);
		}
		if (logins.findByPerson(person).isPresent()) {
			throw new InvalidValueException("identity.login.exists", "This customer already has a login");
		}
		if (logins.emailTaken(email)) {
			throw new InvalidValueException("identity.email.taken", "Email already used by another login");
		}
		CustomerId customerId = chosenCustomerId != null ? chosenCustomerId : assignCustomerId();
		if (chosenCustomerId != null && logins.customerIdTaken(chosenCustomerId)) {
			throw new InvalidValueException("identity.customer-id.taken", "Customer ID already taken");
		}
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw new InvalidValueException("identity.password.too-short", "Password too short");
		}
		if (password.length() > MAX_PASSWORD_LENGTH) {
			throw new InvalidValueException("identity.password.too-long", "Password too long");
		}
		var id = new LoginId(UUID.randomUUID());
		logins.insert(id, person, email, customerId, passwordEncoder.encode(password));
		events.publishEvent(new LoginCreated(id, person));
		return logins.find(id).orElseThrow();
	}

	/** Gives a login a role on an account, replacing the role it had there. */
	@Transactional
	public void grant(LoginId login, ServiceAccountId account, GrantRole role) {
		if (customers.find(account).isEmpty()) {
			throw new UnknownServiceAccountException(account);
		}
		logins.grant(login, account, role);
	}

	@Transactional
	public void revoke(LoginId login, ServiceAccountId account) {
		logins.revoke(login, account);
	}

	@Transactional(readOnly = true)
	public List<AccountGrant> grantsOf(LoginId login) {
		return logins.grantsOf(login);
	}

	@Transactional(readOnly = true)
	public Optional<Login> find(LoginId login) {
		return logins.find(login);
	}

	@Transactional(readOnly = true)
	public Optional<Login> loginOf(PersonId person) {
		return logins.findByPerson(person);
	}

	private CustomerId assignCustomerId() {
		for (int attempt = 0; attempt < 20; attempt++) {
			var candidate = new CustomerId("C" + (10_000_000 + random.nextInt(90_000_000)));
			if (!logins.customerIdTaken(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("Could not assign a free customer ID");
	}
}
