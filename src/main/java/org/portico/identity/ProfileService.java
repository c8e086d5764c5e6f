package org.portico.identity;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.Person;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.verification.ContactMasks;
import org.portico.identity.verification.VerificationPurpose;
import org.portico.identity.verification.Verifications;
import org.portico.identity.verification.Verifications.Outcome;
import org.portico.identity.verification.Verifications.Status;
import org.portico.shared.CustomerId;
import org.portico.shared.EmailAddress;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.portico.shared.PostalAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A login's profile and contact details: its sign-in email (a link to the new address confirms it; the
 * old address is told), its phone (a code texted to the new number confirms it), its customer ID and
 * language, and the billing address of an account it may change (the address of record is told).
 * Callers check re-authentication where a page asks for it; account changes go through
 * {@link AccountAccess} here.
 */
@Service
public class ProfileService {

	private final IdentityManagement identity;

	private final CustomerManagement customers;

	private final Verifications verifications;

	private final SecurityMessages messages;

	private final SecurityActivity activity;

	private final AccountAccess access;

	ProfileService(IdentityManagement identity, CustomerManagement customers, Verifications verifications,
			SecurityMessages messages, SecurityActivity activity, AccountAccess access) {
		this.identity = identity;
		this.customers = customers;
		this.verifications = verifications;
		this.messages = messages;
		this.activity = activity;
		this.access = access;
	}

	/**
	 * Sends a confirmation link to {@code newEmail}; nothing changes until it is opened in this browser.
	 * Refuses the current email and one another login signs in with.
	 *
	 * @throws org.portico.identity.verification.TooManyCodesException after 3 in 15 minutes or 10 in a day
	 */
	@Transactional
	public void requestEmailChange(LoginId loginId, EmailAddress newEmail, String browserToken) {
		Login login = identity.find(loginId).orElseThrow();
		if (login.email().value().equalsIgnoreCase(newEmail.value())) {
			throw new InvalidValueException("profile.email.same", "That is already the login's email");
		}
		if (identity.emailTakenByOther(newEmail, loginId)) {
			throw new InvalidValueException("identity.email.taken", "Email already used by another login");
		}
		var issued = verifications.issueLink(VerificationPurpose.EMAIL_CHANGE, subject(loginId), loginId,
				login.person().value(), newEmail.value(), browserToken);
		messages.send(new SecurityMessages.ToEmail(newEmail, languageOf(login)), "email-change-confirm",
				Map.of("token", issued.secret(), "minutes", issued.minutes()), true, null);
	}

	/** What opening an email-confirmation link did. */
	public record EmailConfirmation(Status status, @Nullable String maskedEmail, boolean taken) {

		public boolean confirmed() {
			return status == Status.VALID && !taken;
		}
	}

	/**
	 * Opens an email-confirmation link in the browser that asked for it (signed in or not; when signed in,
	 * only as the login that asked). On success the login signs in with the new email from now on, the old
	 * address is told and the security log records it.
	 */
	@Transactional(noRollbackFor = RuntimeException.class)
	public EmailConfirmation confirmEmailChange(String token, String browserToken, @Nullable LoginId signedIn,
			ClientInfo client) {
		Outcome outcome = verifications.redeemLink(token, VerificationPurpose.EMAIL_CHANGE, browserToken);
		var verification = outcome.verification();
		if (!outcome.valid() || verification == null || verification.login() == null
				|| verification.payload() == null) {
			return new EmailConfirmation(outcome.valid() ? Status.UNKNOWN : outcome.status(), null, false);
		}
		LoginId loginId = verification.login();
		if (signedIn != null && !signedIn.equals(loginId)) {
			return new EmailConfirmation(Status.UNKNOWN, null, false);
		}
		var newEmail = new EmailAddress(verification.payload());
		Login login = identity.find(loginId).orElseThrow();
		EmailAddress old;
		try {
			old = identity.changeEmail(loginId, newEmail);
		}
		catch (InvalidValueException e) {
			return new EmailConfirmation(Status.VALID, newEmail.masked(), true);
		}
		messages.send(new SecurityMessages.ToEmail(old, languageOf(login)), "email-changed",
				Map.of("newEmail", ContactMasks.email(newEmail)), false, null);
		activity.record(loginId, SecurityEventType.EMAIL_CHANGED, client, null);
		return new EmailConfirmation(Status.VALID, newEmail.masked(), false);
	}

	/**
	 * Texts a code to {@code phone}; the phone changes when the code comes back from this browser.
	 *
	 * @return the verification to check the code against
	 * @throws org.portico.identity.verification.TooManyCodesException after 3 in 15 minutes or 10 in a day
	 */
	@Transactional
	public UUID requestPhoneChange(LoginId loginId, PhoneNumber phone, String browserToken) {
		Login login = identity.find(loginId).orElseThrow();
		if (identity.phoneOf(loginId).filter(phone::equals).isPresent()) {
			throw new InvalidValueException("profile.phone.same", "That is already the login's phone");
		}
		var issued = verifications.issueCode(VerificationPurpose.PHONE_CHANGE, subject(loginId), loginId,
				login.person().value(), "SMS", phone.e164(), browserToken);
		messages.send(new SecurityMessages.ToPhone(phone, languageOf(login)), "security-code",
				Map.of("code", issued.secret(), "minutes", issued.minutes()), true, null);
		return issued.id();
	}

	/** Checks the code texted to the new phone; when right, the phone is changed. */
	@Transactional(noRollbackFor = RuntimeException.class)
	public Outcome confirmPhoneChange(LoginId loginId, UUID verificationId, String browserToken, String typed,
			ClientInfo client) {
		Outcome outcome = verifications.redeemCode(verificationId, VerificationPurpose.PHONE_CHANGE, browserToken, typed);
		var verification = outcome.verification();
		if (!outcome.valid()) {
			return outcome;
		}
		if (verification == null || !loginId.equals(verification.login()) || verification.payload() == null) {
			return new Outcome(Status.UNKNOWN, null, 0);
		}
		identity.changePhone(loginId, new PhoneNumber(verification.payload()));
		activity.record(loginId, SecurityEventType.PHONE_CHANGED, client, null);
		return outcome;
	}

	/** Gives the login another customer ID (unique, case-insensitive). */
	@Transactional
	public void changeCustomerId(LoginId loginId, CustomerId customerId, ClientInfo client) {
		Login login = identity.find(loginId).orElseThrow();
		if (login.customerId().equals(customerId)) {
			return;
		}
		identity.changeCustomerId(loginId, customerId);
		activity.record(loginId, SecurityEventType.CUSTOMER_ID_CHANGED, client, null);
	}

	/** The language the login's pages and the customer's messages use. */
	@Transactional
	public void changeLanguage(LoginId loginId, Language language) {
		Login login = identity.find(loginId).orElseThrow();
		customers.changeLanguage(login.person(), language);
	}

	/**
	 * Changes where an account's bills go ({@code null}: to the service address), when the current login may
	 * change the account's contact details; the address of record is told (FCC CPNI).
	 *
	 * @throws NoGrantException without a grant on the account
	 * @throws AccountAccessDeniedException when the login's role may not change contact details
	 */
	@Transactional
	public ServiceAccount changeBillingAddress(ServiceAccountId account, @Nullable PostalAddress billing,
			ClientInfo client) {
		CurrentLogin login = access.requireLogin();
		access.require(account, Permission.CHANGE_ACCOUNT_DETAILS);
		ServiceAccount changed = customers.changeBillingAddress(account, billing);
		messages.send(new SecurityMessages.ToCustomer(changed.holder().id()), "address-changed",
				Map.of("accountNumber", changed.number().display(), "address", changed.billingAddress().singleLine()),
				false, null);
		activity.record(login.id(), SecurityEventType.BILLING_ADDRESS_CHANGED, client,
				"account " + changed.number().display());
		return changed;
	}

	private Language languageOf(Login login) {
		return customers.findPerson(login.person()).map(Person::language).orElse(Language.EN_US);
	}

	private static String subject(LoginId login) {
		return "login:" + login;
	}
}
