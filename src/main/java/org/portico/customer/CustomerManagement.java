package org.portico.customer;

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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer module's façade: opens service accounts, reads them, changes their status. It trusts its
 * callers to have checked access ({@code identity}'s {@code AccountAccess}), since this module may not
 * depend on logins.
 */
@Service
public class CustomerManagement {

	private final ServiceAccountRepository accounts;

	private final AccountNumberFormat accountNumbers;

	private final ApplicationEventPublisher events;

	CustomerManagement(ServiceAccountRepository accounts, AccountNumberFormat accountNumbers,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.accountNumbers = accountNumbers;
		this.events = events;
	}

	/** Opens a service account with a new account number for a new account holder. */
	@Transactional
	public ServiceAccount open(NewServiceAccount request) {
		var holder = new PersonId(UUID.randomUUID());
		var id = new ServiceAccountId(UUID.randomUUID());
		AccountNumber number = accountNumbers.issue(accounts.nextAccountSequence());
		accounts.insertPerson(holder, request.holderFirstName(), request.holderLastName(), request.email(),
				request.phone(), request.language());
		accounts.insertAccount(id, number, holder, request);
		events.publishEvent(new ServiceAccountOpened(id, number, request.billingDay()));
		return accounts.find(id).orElseThrow();
	}

	/**
	 * Records a customer who holds no account (yet): a household member, for example, who gets a login
	 * with a role on someone else's account.
	 */
	@Transactional
	public Person addPerson(String firstName, String lastName, EmailAddress email, @Nullable PhoneNumber phone,
			Language language) {
		var id = new PersonId(UUID.randomUUID());
		accounts.insertPerson(id, NewServiceAccount.name(firstName, "validation.name.first"),
				NewServiceAccount.name(lastName, "validation.name.last"), email, phone, language);
		return accounts.findPerson(id).orElseThrow();
	}

	/**
	 * Opens many accounts in one transaction with batched inserts: the bulk generator's path. Publishes no
	 * per-account events (the generator seeds a provider's existing base, not new sign-ups).
	 */
	@Transactional
	public List<OpenedAccount> importAccounts(List<NewServiceAccount> requests) {
		List<Long> sequences = accounts.nextAccountSequences(requests.size());
		var people = new ArrayList<PersonId>(requests.size());
		var ids = new ArrayList<ServiceAccountId>(requests.size());
		var numbers = new ArrayList<AccountNumber>(requests.size());
		var opened = new ArrayList<OpenedAccount>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			people.add(new PersonId(UUID.randomUUID()));
			ids.add(new ServiceAccountId(UUID.randomUUID()));
			numbers.add(accountNumbers.issue(sequences.get(i)));
			opened.add(new OpenedAccount(ids.get(i), numbers.get(i), people.get(i)));
		}
		accounts.insertBatch(people, ids, numbers, requests);
		return opened;
	}

	@Transactional(readOnly = true)
	public Optional<ServiceAccount> find(ServiceAccountId id) {
		return accounts.find(id);
	}

	@Transactional(readOnly = true)
	public Optional<ServiceAccount> findByNumber(AccountNumber number) {
		return accounts.findByNumber(number);
	}

	/** The accounts among {@code ids} that exist, ordered by account number. */
	@Transactional(readOnly = true)
	public List<ServiceAccount> findAll(Collection<ServiceAccountId> ids) {
		return accounts.findAll(ids);
	}

	/**
	 * One page of the accounts that are not closed, in ID order after {@code after} (the first page when
	 * {@code null}): how a job walks the whole base in batches without holding it in memory.
	 */
	@Transactional(readOnly = true)
	public List<ServiceAccount> openAccountsAfter(@Nullable ServiceAccountId after, int limit) {
		return accounts.findOpenAfter(after, limit);
	}

	@Transactional(readOnly = true)
	public Optional<Person> findPerson(PersonId id) {
		return accounts.findPerson(id);
	}

	@Transactional(readOnly = true)
	public long countAccounts() {
		return accounts.count();
	}

	/** Suspends, restores or closes an account; a no-op when it already has that status. */
	@Transactional
	public void changeStatus(ServiceAccountId id, AccountStatus status) {
		AccountStatus current = accounts.lockStatus(id).orElseThrow(() -> new UnknownServiceAccountException(id));
		if (current == status) {
			return;
		}
		if (current == AccountStatus.CLOSED) {
			throw new IllegalStateException("A closed account cannot be reopened");
		}
		accounts.updateStatus(id, status);
		events.publishEvent(new AccountStatusChanged(id, current, status));
	}

	/**
	 * Sends the account's bills to {@code billing}, or to the service address when it is {@code null}
	 * (the address is validated by {@link PostalAddress} itself: US state, ZIP or ZIP+4). The caller has
	 * checked the right to change contact details and tells the address of record.
	 */
	@Transactional
	public ServiceAccount changeBillingAddress(ServiceAccountId id, @Nullable PostalAddress billing) {
		accounts.lockStatus(id).orElseThrow(() -> new UnknownServiceAccountException(id));
		accounts.updateBillingAddress(id, billing);
		return accounts.find(id).orElseThrow();
	}

	/** The language the customer is written to and shown pages in. */
	@Transactional
	public void changeLanguage(PersonId person, Language language) {
		if (accounts.updateLanguage(person, language) == 0) {
			throw new IllegalArgumentException("No customer " + person);
		}
	}

	/** The identifiers given to an imported account. */
	public record OpenedAccount(ServiceAccountId id, AccountNumber number, PersonId holder) {
	}
}
