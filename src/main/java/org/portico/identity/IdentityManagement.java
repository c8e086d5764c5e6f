package org.portico.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.Person;
import org.portico.customer.PersonId;
import org.portico.customer.ServiceAccountId;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.shared.CustomerId;
import org.portico.shared.EmailAddress;
import org.portico.shared.InvalidValueException;
import org.portico.shared.PhoneNumber;
import org.springframework.dao.DuplicateKeyException;
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

	static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

	static final int MAX_PASSWORD_LENGTH = PasswordPolicy.MAX_LENGTH;

	private final LoginRepository logins;

	private final CustomerManagement customers;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final PasswordPolicy policy;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	IdentityManagement(LoginRepository logins, CustomerManagement customers, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, PasswordPolicy policy, Clock clock) {
		this.logins = logins;
		this.customers = customers;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.policy = policy;
		this.clock = clock;
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
		Person holder = customers.findPerson(person).orElseThrow();
		// Account numbers are not known yet: grants come after the login (checked on every later change).
		var violations = policy.check(password, new PasswordPolicy.PersonalDetails(
				List.of(holder.firstName(), holder.lastName()), email.value(), customerId.value(), List.of()));
		if (!violations.isEmpty()) {
			throw new InvalidValueException(violations.get(0).messageKey(), "Password refused by the policy");
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

	/** Whether {@code password} is the login's current password (refuses oversized input without hashing). */
	@Transactional(readOnly = true)
	public boolean passwordMatches(LoginId login, String password) {
		if (password.length() > PasswordPolicy.MAX_LENGTH * 4) {
			return false;
		}
		return logins.passwordHash(login).map(hash -> passwordEncoder.matches(password, hash)).orElse(false);
	}

	/** What the login's password must not be built from: names, email, customer ID, account numbers. */
	@Transactional(readOnly = true)
	public PasswordPolicy.PersonalDetails personalDetails(LoginId login) {
		Login found = logins.find(login).orElseThrow(() -> new IllegalArgumentException("No login " + login));
		List<String> names = customers.findPerson(found.person())
			.map(p -> List.of(p.firstName(), p.lastName()))
			.orElse(List.of());
		var accountIds = logins.grantsOf(login).stream().map(AccountGrant::account).toList();
		List<String> numbers = customers.findAll(accountIds).stream().map(a -> a.number().digits()).toList();
		return new PasswordPolicy.PersonalDetails(names, found.email().value(), found.customerId().value(), numbers);
	}

	/** Every reason the policy refuses {@code password} as the login's new password. */
	@Transactional(readOnly = true)
	public List<PasswordPolicy.Violation> checkNewPassword(LoginId login, String password) {
		return policy.check(password, personalDetails(login));
	}

	/**
	 * Replaces the login's password (the caller has verified the current one) and publishes
	 * {@link PasswordChanged}, on which the address of record is told. Refuses a password the policy
	 * refuses.
	 */
	@Transactional
	public void changePassword(LoginId login, String newPassword) {
		var violations = checkNewPassword(login, newPassword);
		if (!violations.isEmpty()) {
			throw new InvalidValueException(violations.get(0).messageKey(), "Password refused by the policy");
		}
		Login found = logins.find(login).orElseThrow(() -> new IllegalArgumentException("No login " + login));
		logins.updatePasswordHash(login, passwordEncoder.encode(newPassword));
		events.publishEvent(new PasswordChanged(login, found.person(), clock.instant()));
	}

	/**
	 * The login a person named by typing its email or customer ID (case-insensitive), for password
	 * recovery. Whatever was typed, never throws: input that is neither matches nothing.
	 */
	@Transactional(readOnly = true)
	public Optional<Login> findByIdentifier(String typed) {
		String value = typed == null ? "" : typed.strip();
		if (value.isEmpty() || value.length() > 254) {
			return Optional.empty();
		}
		return logins.findByIdentifier(EmailAddress.looksLikeEmail(value) ? "email" : "customerId", value);
	}

	/** The login's own phone, if it has one. */
	@Transactional(readOnly = true)
	public Optional<PhoneNumber> phoneOf(LoginId login) {
		return logins.phone(login);
	}

	/**
	 * Sets a new password for a login that proved control of a contact on file (password recovery): the
	 * policy applies and {@link PasswordChanged} is published, on which the address of record is told.
	 */
	@Transactional
	public void resetPassword(LoginId login, String newPassword) {
		changePassword(login, newPassword);
	}

	/**
	 * Makes {@code email} the login's sign-in email (the caller has verified it) and returns the previous
	 * one. Refuses an email another login signs in with.
	 */
	@Transactional
	public EmailAddress changeEmail(LoginId login, EmailAddress email) {
		Login found = logins.find(login).orElseThrow(() -> new IllegalArgumentException("No login " + login));
		if (logins.emailTakenByOther(email, login)) {
			throw new InvalidValueException("identity.email.taken", "Email already used by another login");
		}
		try {
			logins.updateEmail(login, email);
		}
		catch (DuplicateKeyException e) {
			throw new InvalidValueException("identity.email.taken", "Email already used by another login");
		}
		return found.email();
	}

	/** Whether another login signs in with {@code email}. */
	@Transactional(readOnly = true)
	public boolean emailTakenByOther(EmailAddress email, LoginId login) {
		return logins.emailTakenByOther(email, login);
	}

	/** Makes {@code phone} the login's phone (the caller has verified it with a code sent there). */
	@Transactional
	public void changePhone(LoginId login, PhoneNumber phone) {
		logins.updatePhone(login, phone);
	}

	/** Gives the login another customer ID; refuses one another login has. */
	@Transactional
	public void changeCustomerId(LoginId login, CustomerId customerId) {
		if (logins.customerIdTakenByOther(customerId, login)) {
			throw new InvalidValueException("identity.customer-id.taken", "Customer ID already taken");
		}
		try {
			logins.updateCustomerId(login, customerId);
		}
		catch (DuplicateKeyException e) {
			throw new InvalidValueException("identity.customer-id.taken", "Customer ID already taken");
		}
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
