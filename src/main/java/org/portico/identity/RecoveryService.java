package org.portico.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.Person;
import org.portico.identity.verification.ContactMasks;
import org.portico.identity.verification.VerificationPurpose;
import org.portico.identity.verification.Verifications;
import org.portico.identity.verification.Verifications.Outcome;
import org.portico.identity.verification.Verifications.Status;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password recovery (forgot password): the customer names their login by email or customer ID, picks
 * where a code or link goes among the contacts on file (shown masked), proves they got it and sets a new
 * password. Nothing here tells whether a login exists: details that match nothing get decoy contacts
 * ({@link ContactMasks#decoy}) and even a code or link that is never sent, so the pages, the issuance
 * limits and the work done look the same. A code or link does not sign anyone in.
 */
@Service
public class RecoveryService {

	private final IdentityManagement identity;

	private final CustomerManagement customers;

	private final Verifications verifications;

	private final ContactMasks masks;

	private final SecurityMessages messages;

	private final SecurityActivity activity;

	RecoveryService(IdentityManagement identity, CustomerManagement customers, Verifications verifications,
			ContactMasks masks, SecurityMessages messages, SecurityActivity activity) {
		this.identity = identity;
		this.customers = customers;
		this.verifications = verifications;
		this.masks = masks;
		this.messages = messages;
		this.activity = activity;
	}

	/** Where a code can go: by text (a code, 10 minutes) or by email (a link, 1 hour). */
	public enum Channel {
		SMS, EMAIL
	}

	/**
	 * A recovery under way: what limits count by ({@code subject}), the login when the details matched one
	 * (never shown), and the masked contacts to choose from.
	 */
	public record Started(String subject, @Nullable LoginId login, String maskedEmail, @Nullable String maskedPhone) {
	}

	/** Looks up what was typed; details that match no (enabled) login get decoy contacts. */
	@Transactional(readOnly = true)
	public Started start(String typed) {
		Optional<Login> login = identity.findByIdentifier(typed).filter(Login::enabled);
		if (login.isPresent()) {
			Login found = login.get();
			PhoneNumber phone = phoneOf(found).orElse(null);
			return new Started("login:" + found.id(), found.id(), ContactMasks.email(found.email()),
					phone == null ? null : ContactMasks.phone(phone));
		}
		// the decoy costs a database read too (its key), like the lookup of a real login's contacts
		ContactMasks.Masked decoy = masks.decoy(typed == null ? "" : typed);
		return new Started(decoySubject(typed), null, decoy.email(), decoy.phone());
	}

	/**
	 * Issues a code (by text) or a link (by email) and sends it when the details matched a login; for
	 * details that matched nothing, issues one that is never sent (the same limits apply).
	 *
	 * @return the verification's ID (for a code: the form posts the typed code against it)
	 * @throws org.portico.identity.verification.TooManyCodesException after 3 in 15 minutes or 10 in a day
	 */
	@Transactional
	public UUID send(Started started, Channel channel, String browserToken) {
		if (channel == Channel.SMS && started.maskedPhone() == null) {
			throw new IllegalArgumentException("No phone to send a code to");
		}
		LoginId loginId = started.login();
		Login login = loginId == null ? null : identity.find(loginId).orElse(null);
		if (login == null) {
			return channel == Channel.SMS
					? verifications.issueCode(VerificationPurpose.PASSWORD_RESET_CODE, started.subject(), null, null, "SMS",
							null, browserToken).id()
					: verifications.issueLink(VerificationPurpose.PASSWORD_RESET_LINK, started.subject(), null, null, null,
							browserToken).id();
		}
		Language language = customers.findPerson(login.person()).map(Person::language).orElse(Language.EN_US);
		UUID person = login.person().value();
		if (channel == Channel.SMS) {
			PhoneNumber phone = phoneOf(login).orElseThrow();
			var issued = verifications.issueCode(VerificationPurpose.PASSWORD_RESET_CODE, started.subject(), login.id(),
					person, "SMS", null, browserToken);
			messages.send(new SecurityMessages.ToPhone(phone, language), "security-code",
					Map.of("code", issued.secret(), "minutes", issued.minutes()), true, null);
			return issued.id();
		}
		var issued = verifications.issueLink(VerificationPurpose.PASSWORD_RESET_LINK, started.subject(), login.id(),
				person, null, browserToken);
		messages.send(new SecurityMessages.ToEmail(login.email(), language), "password-reset-link",
				Map.of("token", issued.secret(), "minutes", issued.minutes()), true, null);
		return issued.id();
	}

	/** Checks a code typed in the browser that asked for it. A decoy's code is never right. */
	@Transactional(noRollbackFor = RuntimeException.class)
	public Outcome redeemCode(UUID verification, String browserToken, String typed) {
		return realOnly(verifications.redeemCode(verification, VerificationPurpose.PASSWORD_RESET_CODE, browserToken,
				typed));
	}

	/** Checks a link opened in the browser that asked for it. */
	@Transactional(noRollbackFor = RuntimeException.class)
	public Outcome redeemLink(String token, String browserToken) {
		return realOnly(verifications.redeemLink(token, VerificationPurpose.PASSWORD_RESET_LINK, browserToken));
	}

	/**
	 * Sets the new password of a login that proved control of a contact on file. The policy applies;
	 * {@link PasswordChanged} is published (the address of record is told) and the security log records
	 * the reset. Does not sign in.
	 */
	@Transactional
	public void resetPassword(LoginId login, String newPassword, ClientInfo client) {
		identity.resetPassword(login, newPassword);
		activity.record(login, SecurityEventType.PASSWORD_RESET, client, null);
	}

	private Outcome realOnly(Outcome outcome) {
		if (outcome.valid() && (outcome.verification() == null || outcome.verification().login() == null)) {
			// a decoy's code could only be guessed: it is as wrong as any other guess
			return new Outcome(Status.WRONG, null, Math.max(outcome.triesLeft() - 1, 1));
		}
		return outcome;
	}

	private Optional<PhoneNumber> phoneOf(Login login) {
		Optional<PhoneNumber> own = identity.phoneOf(login.id());
		if (own.isPresent()) {
			return own;
		}
		return customers.findPerson(login.person()).map(Person::phone);
	}

	private static String decoySubject(@Nullable String typed) {
		String normalized = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
			return "unknown:" + HexFormat.of().formatHex(digest, 0, 24);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
