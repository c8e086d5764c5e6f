package org.portico;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.portico.customer.AccountStatus;
import org.portico.customer.CustomerManagement;
import org.portico.customer.NewServiceAccount;
import org.portico.customer.ServiceAccount;
import org.portico.identity.GrantRole;
import org.portico.identity.IdentityManagement;
import org.portico.identity.Login;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.portico.shared.PostalAddress;
import org.springframework.stereotype.Component;

/**
 * Intention-revealing test data on the real database: every call makes new, unique people, accounts and
 * logins, so tests sharing the database never see each other's data.
 */
@Component
public class AccountFixtures {

	/** Unique within a test run, so that no two fixture accounts share a service address line. */
	private static final java.util.concurrent.atomic.AtomicInteger HOUSE_NUMBERS = new java.util.concurrent.atomic.AtomicInteger(
			10_000);

	/** The password of every fixture login. */
	public static final String SECRET = "fixture-" + "correct-horse-battery";

	private final CustomerManagement customers;

	private final IdentityManagement identity;

	AccountFixtures(CustomerManagement customers, IdentityManagement identity) {
		this.customers = customers;
		this.identity = identity;
	}

	public static NewServiceAccount newAccount(String firstName, String lastName) {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return new NewServiceAccount(firstName, lastName,
				new EmailAddress(firstName.toLowerCase() + "." + unique + "@example.test"),
				PhoneNumber.parse("215555" + (1000 + ThreadLocalRandom.current().nextInt(9000))), Language.EN_US,
				new PostalAddress(HOUSE_NUMBERS.incrementAndGet() + " Walnut St", null, "Philadelphia", "PA", "19103"),
				null, 12, AccountStatus.ACTIVE);
	}

	public ServiceAccount account() {
		return customers.open(newAccount("Test", "Holder"));
	}

	/** An account with its holder's owner login. */
	public OwnedAccount ownedAccount() {
		ServiceAccount account = account();
		Login owner = identity.createLogin(account.holder().id(), account.holder().email(), null, SECRET);
		identity.grant(owner.id(), account.id(), GrantRole.OWNER);
		return new OwnedAccount(account, owner);
	}

	/** A login of a new person (with an account of their own) holding {@code role} on {@code account}. */
	public Login member(ServiceAccount account, GrantRole role) {
		OwnedAccount own = ownedAccount();
		identity.grant(own.owner().id(), account.id(), role);
		return own.owner();
	}

	public record OwnedAccount(ServiceAccount account, Login owner) {
	}
}
