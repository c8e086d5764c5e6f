package org.portico.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.portico.catalog.CatalogFixtures.randomOfferingCode;
import static org.portico.catalog.CatalogFixtures.randomPromotionCode;
import static org.portico.catalog.CatalogFixtures.text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.portico.catalog.CatalogFixtures;
import org.portico.catalog.CatalogManagement;
import org.portico.catalog.Equipment;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.OfferingKind;
import org.portico.catalog.PhonePlan;
import org.portico.catalog.Promotion;
import org.portico.catalog.PromotionCode;
import org.portico.customer.AccountStatus;
import org.portico.customer.CustomerManagement;
import org.portico.customer.NewServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.Money;
import org.portico.shared.PostalAddress;
import org.portico.subscriptions.SubscriptionRejectedException.Reason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class SubscriptionManagementIntegrationTests extends IntegrationTestSupport {

	private static final LocalDate START = LocalDate.of(2026, 1, 15);

	@Autowired
	SubscriptionManagement subscriptions;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	CustomerManagement customers;

	@Autowired
	ApplicationEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ServiceAccountId account;

	OfferingCode internet500;

	OfferingCode internet1g;

	OfferingCode tv;

	OfferingCode phone;

	OfferingCode gateway;

	PromotionCode newCustomer;

	PromotionCode gigIntro;

	@BeforeEach
	void setUp() {
		account = openAccount();
		internet500 = define(CatalogFixtures.cappedTier("65.00"));
		internet1g = define(CatalogFixtures.unlimitedTier("80.00"));
		tv = define(CatalogFixtures.tvPackage("89.99"));
		phone = define(new PhonePlan(Money.usd("30.00"), null, true));
		gateway = define(new Equipment(Money.usd("15.00"), OfferingKind.INTERNET));
		newCustomer = randomPromotionCode();
		catalog.definePromotion(Promotion.introductory(newCustomer, internet500, text("New"), Money.usd("20.00"), 12));
		gigIntro = randomPromotionCode();
		catalog.definePromotion(Promotion.forMonths(gigIntro, internet1g, text("Gig"), Money.usd("15.00"), 6));
	}

	@Test
	void startsASubscriptionAndPublishesSubscriptionStarted() {
		var started = subscriptions.start(account, internet500, newCustomer, START);

		assertThat(started.account()).isEqualTo(account);
		assertThat(started.offering()).isEqualTo(internet500);
		assertThat(started.kind()).isEqualTo(OfferingKind.INTERNET);
		assertThat(started.startedOn()).isEqualTo(START);
		assertThat(started.endedOn()).isNull();
		assertThat(started.promotion()).isEqualTo(newCustomer);
		assertThat(started.promotionEndsOn()).isEqualTo(LocalDate.of(2027, 1, 15));
		assertThat(subscriptions.find(started.id())).contains(started);
		assertThat(events.stream(SubscriptionStarted.class).filter(e -> e.accountId().equals(account)))
			.containsExactly(new SubscriptionStarted(account, started.id(), internet500, OfferingKind.INTERNET, newCustomer,
					START));
	}

	@Test
	void recordsTheSerialNumberOfRentedEquipment() {
		var started = subscriptions.start(account, gateway, null, START, "m11734-ab12");

		assertThat(subscriptions.find(started.id()).orElseThrow().equipmentSerialNumber()).isEqualTo("M11734-AB12");
	}

	@Test
	void changeEndsTheOldSubscriptionTheDayTheNewOneStarts() {
		var old = subscriptions.start(account, internet500, newCustomer, START);
		var effective = LocalDate.of(2026, 4, 1);

		var replacement = subscriptions.change(old.id(), internet1g, effective);

		assertThat(subscriptions.find(old.id()).orElseThrow().endedOn()).isEqualTo(effective);
		assertThat(replacement.offering()).isEqualTo(internet1g);
		assertThat(replacement.startedOn()).isEqualTo(effective);
		assertThat(replacement.replaces()).isEqualTo(old.id());
		assertThat(replacement.promotion()).as("a promotion does not carry over").isNull();
		assertThat(subscriptions.find(replacement.id())).contains(replacement);
		assertThat(events.stream(SubscriptionChanged.class)).containsExactly(new SubscriptionChanged(account, old.id(),
				replacement.id(), internet500, internet1g, OfferingKind.INTERNET, null, effective));
		assertThat(events.stream(SubscriptionEnded.class)).isEmpty();
	}

	@Test
	void changeAppliesAPromotionWhenGiven() {
		var old = subscriptions.start(account, internet500, null, START);

		var replacement = subscriptions.change(old.id(), internet1g, gigIntro, LocalDate.of(2026, 4, 1));

		assertThat(replacement.promotion()).isEqualTo(gigIntro);
		assertThat(replacement.promotionEndsOn()).isEqualTo(LocalDate.of(2026, 10, 1));
	}

	@Test
	void endsASubscriptionAndPublishesSubscriptionEnded() {
		var started = subscriptions.start(account, tv, null, START);
		var effective = LocalDate.of(2026, 7, 1);

		var ended = subscriptions.end(started.id(), effective);

		assertThat(ended.endedOn()).isEqualTo(effective);
		assertThat(subscriptions.find(started.id()).orElseThrow().statusOn(effective)).isEqualTo(SubscriptionStatus.ENDED);
		assertThat(events.stream(SubscriptionEnded.class))
			.containsExactly(new SubscriptionEnded(account, started.id(), tv, OfferingKind.TV, effective));
	}

	@Test
	void suspendsAndResumes() {
		var started = subscriptions.start(account, phone, null, START);

		subscriptions.suspend(started.id(), LocalDate.of(2026, 5, 1));
		assertThat(subscriptions.find(started.id()).orElseThrow().statusOn(LocalDate.of(2026, 5, 2)))
			.isEqualTo(SubscriptionStatus.SUSPENDED);
		subscriptions.resume(started.id(), LocalDate.of(2026, 9, 1));

		assertThat(subscriptions.find(started.id()).orElseThrow().suspendedOn()).isNull();
		assertThat(events.stream(SubscriptionSuspended.class)).hasSize(1);
		assertThat(events.stream(SubscriptionResumed.class)).hasSize(1);
	}

	@Test
	void currentServicesAreOrderedByKindThenStartAndLeaveOutEndedOnes() {
		LocalDate today = LocalDate.now(clock);
		var box = subscriptions.start(account, gateway, null, today.minusYears(1));
		var television = subscriptions.start(account, tv, null, today.minusMonths(6));
		var oldInternet = subscriptions.start(account, internet500, null, today.minusYears(1));
		var internet = subscriptions.change(oldInternet.id(), internet1g, today.minusMonths(2));
		var pendingPhone = subscriptions.start(account, phone, null, today.plusDays(10));
		var endingTomorrow = subscriptions.end(subscriptions.start(account, gateway, null, today.minusDays(5)).id(),
				today.plusDays(1));
		var endedToday = subscriptions.end(subscriptions.start(account, gateway, null, today.minusDays(4)).id(), today);

		var current = subscriptions.currentFor(account);

		assertThat(current).extracting(Subscription::id)
			.containsExactly(internet.id(), television.id(), pendingPhone.id(), box.id(), endingTomorrow.id());
		assertThat(current.get(2).statusOn(today)).isEqualTo(SubscriptionStatus.PENDING);
		assertThat(subscriptions.historyFor(account)).extracting(Subscription::id)
			.containsExactly(pendingPhone.id(), endedToday.id(), endingTomorrow.id(), internet.id(), television.id(),
					oldInternet.id(), box.id());
	}

	@Test
	void rejectsAnUnknownOrClosedAccount() {
		var unknown = new ServiceAccountId(UUID.randomUUID());
		assertRejected(Reason.UNKNOWN_ACCOUNT, () -> subscriptions.start(unknown, internet500, null, START));
		assertThat(rows(unknown)).isZero();

		customers.changeStatus(account, AccountStatus.CLOSED);
		assertRejected(Reason.ACCOUNT_CLOSED, () -> subscriptions.start(account, internet500, null, START));
		assertNothingWritten();
	}

	@Test
	void rejectsAnUnknownOrRetiredOffering() {
		assertRejected(Reason.UNKNOWN_OFFERING, () -> subscriptions.start(account, randomOfferingCode(), null, START));
		catalog.retire(tv);
		assertRejected(Reason.INACTIVE_OFFERING, () -> subscriptions.start(account, tv, null, START));
		assertNothingWritten();
	}

	@Test
	void rejectsPromotionsThatDoNotApply() {
		assertRejected(Reason.UNKNOWN_PROMOTION,
				() -> subscriptions.start(account, internet500, randomPromotionCode(), START));
		assertRejected(Reason.PROMOTION_NOT_APPLICABLE, () -> subscriptions.start(account, internet1g, newCustomer, START));
		var spring = randomPromotionCode();
		catalog.definePromotion(Promotion.until(spring, tv, text("Spring"), Money.usd("10.00"), LocalDate.of(2026, 4, 1)));
		assertRejected(Reason.PROMOTION_ENDED, () -> subscriptions.start(account, tv, spring, LocalDate.of(2026, 4, 1)));
		assertNothingWritten();

		assertThat(subscriptions.start(account, tv, spring, LocalDate.of(2026, 3, 31)).promotionEndsOn())
			.isEqualTo(LocalDate.of(2026, 4, 1));
	}

	@Test
	void rejectsASerialNumberOnAServiceThatIsNotEquipment() {
		assertRejected(Reason.NOT_EQUIPMENT, () -> subscriptions.start(account, internet500, null, START, "M11734"));
		assertNothingWritten();
	}

	@Test
	void rejectsChangesThatBreakTheRulesWithoutWritingAnything() {
		var internet = subscriptions.start(account, internet500, null, START);
		events.clear();

		assertRejected(Reason.DIFFERENT_KIND, () -> subscriptions.change(internet.id(), tv, LocalDate.of(2026, 3, 1)));
		assertRejected(Reason.SAME_OFFERING,
				() -> subscriptions.change(internet.id(), internet500, LocalDate.of(2026, 3, 1)));
		assertRejected(Reason.BEFORE_START, () -> subscriptions.change(internet.id(), internet1g, START.minusDays(1)));
		assertRejected(Reason.PROMOTION_NOT_APPLICABLE,
				() -> subscriptions.change(internet.id(), internet1g, newCustomer, LocalDate.of(2026, 3, 1)));
		assertRejected(Reason.UNKNOWN_OFFERING,
				() -> subscriptions.change(internet.id(), randomOfferingCode(), LocalDate.of(2026, 3, 1)));

		assertThat(subscriptions.find(internet.id())).contains(internet);
		assertThat(rows(account)).isEqualTo(1);
		assertThat(events.stream()).noneMatch(event -> event.getClass().getPackageName().equals("org.portico.subscriptions"));
	}

	@Test
	void rejectsEndingOrChangingAnEndedSubscription() {
		var started = subscriptions.start(account, internet500, null, START);
		var ended = subscriptions.end(started.id(), LocalDate.of(2026, 6, 1));

		assertRejected(Reason.ALREADY_ENDED, () -> subscriptions.end(started.id(), LocalDate.of(2026, 7, 1)));
		assertRejected(Reason.ALREADY_ENDED,
				() -> subscriptions.change(started.id(), internet1g, LocalDate.of(2026, 7, 1)));
		assertThat(subscriptions.find(started.id())).contains(ended);
		assertThat(rows(account)).isEqualTo(1);
	}

	@Test
	void rejectsAnEndBeforeTheStart() {
		var started = subscriptions.start(account, tv, null, START);

		assertRejected(Reason.BEFORE_START, () -> subscriptions.end(started.id(), START.minusDays(1)));
		assertThat(subscriptions.find(started.id()).orElseThrow().endedOn()).isNull();
	}

	@Test
	void rejectsAnUnknownSubscription() {
		var unknown = SubscriptionId.random();
		assertThatThrownBy(() -> subscriptions.end(unknown, START)).isInstanceOf(UnknownSubscriptionException.class);
		assertThatThrownBy(() -> subscriptions.change(unknown, internet1g, START))
			.isInstanceOf(UnknownSubscriptionException.class);
	}

	@Test
	void importsSubscriptionsInBulkWithoutEvents() {
		var opened = customers.importAccounts(newAccounts(1_000));
		var imports = new ArrayList<SubscriptionImport>();
		for (var each : opened) {
			imports.add(new SubscriptionImport(each.id(), internet500, newCustomer, START, null, null));
			imports.add(new SubscriptionImport(each.id(), tv, null, START.minusYears(1), START, null));
			imports.add(new SubscriptionImport(each.id(), gateway, null, START, null, "SN" + each.number().digits()));
		}
		catalog.retire(tv);

		var ids = subscriptions.importSubscriptions(imports);

		assertThat(ids).hasSize(3_000).doesNotHaveDuplicates();
		var first = opened.get(0);
		assertThat(subscriptions.historyFor(first.id())).hasSize(3);
		assertThat(subscriptions.currentFor(first.id())).extracting(Subscription::offering)
			.containsExactly(internet500, gateway);
		var internet = subscriptions.find(ids.get(0)).orElseThrow();
		assertThat(internet.promotionEndsOn()).isEqualTo(LocalDate.of(2027, 1, 15));
		assertThat(subscriptions.find(ids.get(2)).orElseThrow().equipmentSerialNumber())
			.isEqualTo("SN" + first.number().digits());
		assertThat(events.stream()).noneMatch(event -> event.getClass().getPackageName().equals("org.portico.subscriptions"));
	}

	@Test
	void rejectsAWholeImportWhenOneRowBreaksARule() {
		var imports = List.of(new SubscriptionImport(account, internet500, null, START, null, null),
				new SubscriptionImport(account, internet1g, newCustomer, START, null, null));

		assertRejected(Reason.PROMOTION_NOT_APPLICABLE, () -> subscriptions.importSubscriptions(imports));
		assertRejected(Reason.UNKNOWN_OFFERING, () -> subscriptions.importSubscriptions(
				List.of(new SubscriptionImport(account, randomOfferingCode(), null, START, null, null))));
		assertThat(rows(account)).isZero();
	}

	private static void assertRejected(Reason reason, ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOf(SubscriptionRejectedException.class)
			.extracting(e -> ((SubscriptionRejectedException) e).reason())
			.isEqualTo(reason);
	}

	private void assertNothingWritten() {
		assertThat(rows(account)).isZero();
		assertThat(events.stream(SubscriptionStarted.class)).isEmpty();
	}

	private int rows(ServiceAccountId owner) {
		return jdbc.sql("select count(*) from subscriptions.subscription where account_id = :account")
			.param("account", owner.value())
			.query(Integer.class)
			.single();
	}

	private OfferingCode define(org.portico.catalog.OfferingDetails details) {
		var code = randomOfferingCode();
		catalog.define(code, text(details.kind().name()), text("Test offering"), details);
		return code;
	}

	private ServiceAccountId openAccount() {
		return customers.open(newAccounts(1).get(0)).id();
	}

	private static List<NewServiceAccount> newAccounts(int count) {
		var accounts = new ArrayList<NewServiceAccount>(count);
		for (int i = 0; i < count; i++) {
			int n = ThreadLocalRandom.current().nextInt(1_000_000);
			accounts.add(new NewServiceAccount("Ana", "Test", new EmailAddress("ana" + n + "@example.com"), null,
					Language.ES_US, new PostalAddress(n + " Main St", null, "Springfield", "IL", "62704"), null, 15,
					AccountStatus.ACTIVE));
		}
		return accounts;
	}
}
