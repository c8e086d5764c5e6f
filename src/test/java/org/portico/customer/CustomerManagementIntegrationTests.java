package org.portico.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.Luhn;
import org.portico.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class CustomerManagementIntegrationTests extends IntegrationTestSupport {

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void opensAnAccountWithAValidAccountNumberAndReadsItBack() {
		var request = AccountFixtures.newAccount("Grace", "Hopper");
		ServiceAccount opened = customers.open(request);
		assertThat(opened.number().digits()).hasSize(12);
		assertThat(Luhn.isValid(opened.number().digits())).isTrue();
		assertThat(customers.find(opened.id())).contains(opened);
		assertThat(customers.findByNumber(opened.number())).contains(opened);
		assertThat(opened.holder().fullName()).isEqualTo("Grace Hopper");
		assertThat(opened.holder().email()).isEqualTo(request.email());
		assertThat(opened.billsToServiceAddress()).isTrue();
		assertThat(events.stream(ServiceAccountOpened.class)).anyMatch(e -> e.accountId().equals(opened.id()));
	}

	@Test
	void keepsASeparateBillingAddress() {
		var base = AccountFixtures.newAccount("Ada", "Lovelace");
		var billing = new PostalAddress("PO Box 12", null, "Pittsburgh", "PA", "15230-0012");
		var request = new NewServiceAccount("Ada", "Lovelace", base.email(), base.phone(), Language.ES_US,
				base.serviceAddress(), billing, 28, AccountStatus.ACTIVE);
		ServiceAccount opened = customers.open(request);
		assertThat(opened.billingAddress()).isEqualTo(billing);
		assertThat(opened.holder().language()).isEqualTo(Language.ES_US);
		assertThat(opened.billingDay()).isEqualTo(28);
	}

	@Test
	void unknownIdsAndNumbersAreEmptyNotErrors() {
		assertThat(customers.find(new ServiceAccountId(UUID.randomUUID()))).isEmpty();
		assertThat(customers.findByNumber(new org.portico.shared.AccountNumber("000000000000"))).isEmpty();
	}

	@Test
	void suspendsAndRestoresWithEventsAndNeverReopensAClosedAccount() {
		ServiceAccount account = customers.open(AccountFixtures.newAccount("Alan", "Turing"));
		customers.changeStatus(account.id(), AccountStatus.SUSPENDED);
		assertThat(customers.find(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.SUSPENDED);
		customers.changeStatus(account.id(), AccountStatus.ACTIVE);
		assertThat(events.stream(AccountStatusChanged.class).filter(e -> e.accountId().equals(account.id())))
			.extracting(AccountStatusChanged::to)
			.containsExactly(AccountStatus.SUSPENDED, AccountStatus.ACTIVE);
		customers.changeStatus(account.id(), AccountStatus.CLOSED);
		assertThatThrownBy(() -> customers.changeStatus(account.id(), AccountStatus.ACTIVE))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> customers.changeStatus(new ServiceAccountId(UUID.randomUUID()), AccountStatus.ACTIVE))
			.isInstanceOf(UnknownServiceAccountException.class);
	}

	@Test
	void importsAccountsInBatchesWithUniqueNumbers() {
		var requests = new ArrayList<NewServiceAccount>();
		for (int i = 0; i < 2_500; i++) {
			requests.add(AccountFixtures.newAccount("Bulk", "Import"));
		}
		long before = customers.countAccounts();
		var opened = customers.importAccounts(requests);
		assertThat(opened).hasSize(2_500);
		assertThat(customers.countAccounts()).isEqualTo(before + 2_500);
		assertThat(opened.stream().map(a -> a.number().digits()).distinct()).hasSize(2_500);
		var sample = customers.find(opened.get(1234).id()).orElseThrow();
		assertThat(sample.number()).isEqualTo(opened.get(1234).number());
		assertThat(sample.holder().email()).isEqualTo(requests.get(1234).email());
	}

	@Test
	void addsAHouseholdMemberWhoHoldsNoAccount() {
		var person = customers.addPerson("Dev", "Member", new EmailAddress("dev." + UUID.randomUUID() + "@example.test"),
				null, Language.EN_US);
		assertThat(customers.findPerson(person.id())).contains(person);
		assertThat(person.phone()).isNull();
	}

	@Test
	void databaseRefusesWhatTheDomainWouldNeverWrite() {
		ServiceAccount account = customers.open(AccountFixtures.newAccount("Check", "Constraints"));
		assertThatThrownBy(() -> jdbc.sql("update customer.service_account set billing_day = 31 where id = :id")
			.param("id", account.id().value())
			.update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.sql("update customer.service_account set billing_zip = '19103' where id = :id")
			.param("id", account.id().value())
			.update()).as("half a billing address").isInstanceOf(DataIntegrityViolationException.class);
	}
}
