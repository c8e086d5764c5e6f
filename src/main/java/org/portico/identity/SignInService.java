package org.portico.identity;

import org.portico.customer.CustomerManagement;
import org.portico.customer.PersonId;
import org.portico.shared.CustomerId;
import org.portico.shared.EmailAddress;
import org.portico.shared.InvalidValueException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Finds the login a person signs in as: by email when the input has an {@code @}, else by customer ID. */
@Service
class SignInService implements UserDetailsService {

	private final LoginRepository logins;

	private final CustomerManagement customers;

	SignInService(LoginRepository logins, CustomerManagement customers) {
		this.logins = logins;
		this.customers = customers;
	}

	/** The login an identifier names, if any: to tie a failed attempt to its login in the security log. */
	java.util.Optional<LoginId> loginIdFor(String input) {
		try {
			var found = EmailAddress.looksLikeEmail(input)
					? logins.findForSignIn("email", new EmailAddress(input).value())
					: logins.findForSignIn("customer_id", new CustomerId(input).value());
			return found.map(record -> new LoginId(record.id()));
		}
		catch (InvalidValueException e) {
			return java.util.Optional.empty();
		}
	}

	@Override
	public UserDetails loadUserByUsername(String input) {
		try {
			var found = EmailAddress.looksLikeEmail(input)
					? logins.findForSignIn("email", new EmailAddress(input).value())
					: logins.findForSignIn("customer_id", new CustomerId(input).value());
			var record = found.orElseThrow(() -> new UsernameNotFoundException("No such login"));
			var person = customers.findPerson(new PersonId(record.person()))
				.orElseThrow(() -> new UsernameNotFoundException("Login without a customer"));
			return new CurrentLogin(record.id(), record.person(), record.customerId(), record.email(),
					person.firstName(), person.language().tag(), record.enabled(), record.passwordHash());
		}
		catch (InvalidValueException e) {
			// Not an email or customer ID at all: to the caller, just a failed sign-in.
			throw new UsernameNotFoundException("Not a sign-in identifier");
		}
	}
}
