package org.portico.identity;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.AccountLookup;
import org.portico.customer.CustomerManagement;
import org.portico.customer.Person;
import org.portico.customer.PersonId;
import org.portico.customer.ServiceAccount;
import org.portico.identity.verification.ContactMasks;
import org.portico.identity.verification.VerificationPurpose;
import org.portico.identity.verification.Verifications;
import org.portico.shared.AccountNumber;
import org.portico.shared.CustomerId;
import org.portico.shared.EmailAddress;
import org.portico.shared.PhoneNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online registration for an existing service account. The customer names the account (account number
 * and billing ZIP, or the phone on file), proves they control a contact on file with a 6-digit code, then
 * chooses the login’s email, customer ID and password; the login gets the {@code OWNER} grant on the
 * holder’s open accounts and the address of record is told ({@link LoginCreated}).
 * <p>
 * Nothing here tells the caller whether the details matched: details that match nothing get decoy masked
 * contacts and a code that is issued (so issuance limits apply the same way) but never sent; a holder who
 * already has a login gets, instead of a code, a message to the contact on file that says so and offers
 * password recovery. Issuance limits count per account holder, whichever way the account was named.
 */
@Service
public class Registrations {

	private final AccountLookup lookup;

	private final CustomerManagement customers;

	private final IdentityManagement identity;

	private final Verifications verifications;

	private final ContactMasks masks;

	private final SecurityMessages messages;

	private final PasswordPolicy policy;

	private final JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	Registrations(AccountLookup lookup, CustomerManagement customers, IdentityManagement identity,
			Verifications verifications, ContactMasks masks, SecurityMessages messages, PasswordPolicy policy,
			JdbcClient jdbc) {
		this.lookup = lookup;
		this.customers = customers;
		this.identity = identity;
		this.verifications = verifications;
		this.masks = masks;
		this.messages = messages;
		this.policy = policy;
		this.jdbc = jdbc;
	}

	/**
	 * Whom typed details point at, as a registration keeps it between steps: the holder’s ID (none for
	 * details that matched nothing) and the masked contacts to offer. Never the contacts in clear.
	 */
	public record Candidate(String subject, @Nullable UUID person, String maskedEmail, @Nullable String maskedPhone)
			implements Serializable {
	}

	/** Where the customer asked the code to go. */
	public enum Channel {
		EMAIL, SMS
	}

	/** A typed code checked: the holder when it was right, else why not. */
	public record CodeCheck(Verifications.Status status, int triesLeft, @Nullable UUID person) {

		public boolean verified() {
			return status == Verifications.Status.VALID && person != null;
		}
	}

	/** The account with that number and billing ZIP, unless closed; decoy contacts otherwise. */
	@Transactional // not read-only: the decoys' key is created on first use
	public Candidate byAccount(AccountNumber number, String zip5) {
		return lookup.openAccount(number, zip5)
			.map(account -> candidate(account.holder()))
			.orElseGet(() -> decoy("account:" + number.digits() + ":" + zip5));
	}

	/**
	 * The holder of open accounts whose phone on file this is; decoy contacts when none is, or when several
	 * people share the number (they name their account by its number instead).
	 */
	@Transactional
	public Candidate byPhone(PhoneNumber phone) {
		List<Person> holders = lookup.holdersWithPhone(phone);
		return holders.size() == 1 ? candidate(holders.get(0)) : decoy("phone:" + phone.e164());
	}

	/**
	 * Issues a code for the candidate in this browser and sends what the contact on file should get: the
	 * code, or (when the holder already has a login) a note that says so and offers recovery, or nothing
	 * (details that matched nothing).
	 *
	 * @throws org.portico.identity.verification.TooManyCodesException past the issuance limits
	 * @throws IllegalArgumentException a text asked for where no phone is offered
	 */
	@Transactional
	public UUID sendCode(Candidate candidate, Channel channel, String browserToken) {
		if (channel == Channel.SMS && candidate.maskedPhone() == null) {
			throw new IllegalArgumentException("No phone offered");
		}
		var issued = verifications.issueCode(VerificationPurpose.REGISTRATION, candidate.subject(), null,
				candidate.person(), channel.name(), null, browserToken);
		Optional<Person> holder = holder(candidate);
		if (holder.isEmpty()) {
			return issued.id();
		}
		Person person = holder.get();
		SecurityMessages.Destination to = channel == Channel.SMS && person.phone() != null
				? new SecurityMessages.ToPhone(person.phone(), person.language())
				: new SecurityMessages.ToEmail(person.email(), person.language());
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("firstName", person.firstName());
		Optional<Login> existing = identity.loginOf(person.id());
		if (existing.isPresent()) {
			parameters.put("customerId", existing.get().customerId().value());
			messages.send(to, "registration-login-exists", parameters, true, null);
		}
		else {
			parameters.put("code", issued.secret());
			parameters.put("minutes", issued.minutes());
			messages.send(to, "security-code", parameters, true, null);
		}
		return issued.id();
	}

	/**
	 * Checks a typed code in the browser that asked for it. A right code for details that matched nothing,
	 * or for a holder who has a login by now, counts as wrong: such codes were never sent.
	 */
	@Transactional(noRollbackFor = RuntimeException.class)
	public CodeCheck checkCode(UUID verification, String browserToken, String typed) {
		var outcome = verifications.redeemCode(verification, VerificationPurpose.REGISTRATION, browserToken, typed);
		if (!outcome.valid()) {
			return new CodeCheck(outcome.status(), outcome.triesLeft(), null);
		}
		UUID person = outcome.verification() == null ? null : outcome.verification().person();
		if (person == null || identity.loginOf(new PersonId(person)).isPresent()) {
			return new CodeCheck(Verifications.Status.WRONG, Math.max(0, outcome.triesLeft() - 1), null);
		}
		return new CodeCheck(Verifications.Status.VALID, outcome.triesLeft(), person);
	}

	/** The email on file of a verified holder, to prefill the login’s email. */
	@Transactional(readOnly = true)
	public EmailAddress emailOnFile(UUID person) {
		return customers.findPerson(new PersonId(person)).orElseThrow().email();
	}

	/** A free customer ID in the usual scheme ({@code C} + 8 digits), to suggest. */
	@Transactional(readOnly = true)
	public CustomerId suggestCustomerId() {
		for (int attempt = 0; attempt < 20; attempt++) {
			var candidate = new CustomerId("C" + (10_000_000 + random.nextInt(90_000_000)));
			if (!customerIdTaken(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("Could not find a free customer ID");
	}

	@Transactional(readOnly = true)
	public boolean customerIdTaken(CustomerId customerId) {
		return jdbc.sql("select exists (select 1 from identity.login where upper(customer_id) = upper(:id))")
			.param("id", customerId.value())
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	public boolean emailTaken(EmailAddress email) {
		return jdbc.sql("select exists (select 1 from identity.login where lower(email) = lower(:email))")
			.param("email", email.value())
			.query(Boolean.class)
			.single();
	}

	/** Every reason the policy refuses {@code password} for this holder’s new login. */
	@Transactional(readOnly = true)
	public List<PasswordPolicy.Violation> checkPassword(UUID person, @Nullable String email,
			@Nullable String customerId, String password) {
		return policy.check(password, personalDetails(person, email, customerId));
	}

	/** What the strength meter shows, and the policy’s objections, for the holder’s new password. */
	@Transactional(readOnly = true)
	public PasswordPolicy.PersonalDetails personalDetails(UUID person, @Nullable String email,
			@Nullable String customerId) {
		Person holder = customers.findPerson(new PersonId(person)).orElseThrow();
		List<String> numbers = lookup.openAccountsOf(holder.id())
			.stream()
			.map(account -> account.number().digits())
			.toList();
		return new PasswordPolicy.PersonalDetails(List.of(holder.firstName(), holder.lastName()),
				email == null || email.isBlank() ? holder.email().value() : email, customerId, numbers);
	}

	/**
	 * Creates the verified holder’s login and gives it the {@code OWNER} grant on each of the holder’s open
	 * accounts that has no owner yet.
	 *
	 * @throws org.portico.shared.InvalidValueException the email or customer ID is taken, the holder has a
	 * login already, or the policy refuses the password (the message key says which)
	 */
	@Transactional
	public Login register(UUID person, EmailAddress email, CustomerId customerId, String password) {
		Login login = identity.createLogin(new PersonId(person), email, customerId, password);
		List<ServiceAccount> accounts = new ArrayList<>(lookup.openAccountsOf(new PersonId(person)));
		for (ServiceAccount account : accounts) {
			boolean owned = jdbc.sql("""
					select exists (select 1 from identity.account_grant where service_account_id = :account and role = 'OWNER')
					""").param("account", account.id().value()).query(Boolean.class).single();
			if (!owned) {
				identity.grant(login.id(), account.id(), GrantRole.OWNER);
			}
		}
		return login;
	}

	private Optional<Person> holder(Candidate candidate) {
		return candidate.person() == null ? Optional.empty()
				: customers.findPerson(new PersonId(candidate.person()));
	}

	private static Candidate candidate(Person holder) {
		return new Candidate(holder.id().value().toString(), holder.id().value(), ContactMasks.email(holder.email()),
				holder.phone() == null ? null : ContactMasks.phone(holder.phone()));
	}

	private Candidate decoy(String typed) {
		var masked = masks.decoy(typed);
		return new Candidate("d:" + sha256(typed.toLowerCase(Locale.ROOT)).substring(0, 40), null, masked.email(),
				masked.phone());
	}

	private static String sha256(String value) {
		try {
			return java.util.HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
