package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portico.billing.StatementFixtures.GATEWAY;
import static org.portico.billing.StatementFixtures.INTERNET;
import static org.portico.billing.StatementFixtures.TV;
import static org.portico.billing.StatementFixtures.regularMonth;
import static org.portico.billing.StatementFixtures.statement;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portico.billing.StatementChanges.Change;
import org.portico.billing.StatementChanges.Type;
import org.portico.catalog.OfferingKind;
import org.portico.shared.Money;

class StatementChangesUnitTests {

	private static final LocalDate FEB = LocalDate.of(2026, 2, 12);

	private static final LocalDate MAR = LocalDate.of(2026, 3, 12);

	@Test
	void aRegularMonthLikeTheLastHasNoChanges() {
		var changes = StatementChanges.between(regularMonth(FEB).build(), regularMonth(MAR).build());

		assertThat(changes.changes()).isEmpty();
		assertThat(changes.isEmpty()).isTrue();
		assertThat(changes.first()).isFalse();
		assertThat(changes.difference()).isEqualTo(Money.usd("0.00"));
	}

	@Test
	void aServiceAddedShowsItsMonthlyChargeAfterDiscounts() {
		var previous = regularMonth(FEB).build();
		var current = regularMonth(MAR).monthly("sub-phone", "Unlimited Home Phone", OfferingKind.PHONE, "30.00")
			.discount("sub-phone", "Phone promo", OfferingKind.PHONE, "5.00")
			.build();

		assertThat(StatementChanges.between(previous, current).changes())
			.extracting(StatementChangesUnitTests::describe)
			.containsExactly(change(Type.SERVICE_ADDED, "Unlimited Home Phone", "25.00"));
	}

	@Test
	void aServiceRemovedShowsTheMonthlyChargeNoLongerBilled() {
		var previous = regularMonth(FEB).build();
		var current = statement(MAR).monthly(INTERNET, "Internet 500", OfferingKind.INTERNET, "65.00")
			.monthly(GATEWAY, "Wi-Fi Gateway", OfferingKind.EQUIPMENT, "15.00")
			.build();

		var changes = StatementChanges.between(previous, current);

		assertThat(changes.changes()).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.SERVICE_REMOVED, "TV Select", "-89.99"));
		assertThat(changes.difference()).isEqualTo(Money.usd("-89.99"));
	}

	@Test
	void onePlanReplacingAnotherOfTheSameServiceIsAPlanChange() {
		var previous = regularMonth(FEB).discount(INTERNET, "New customers: $20 off", OfferingKind.INTERNET, "20.00")
			.build();
		var current = statement(MAR).monthly("sub-fiber", "Fiber 1 Gig", OfferingKind.INTERNET, "80.00")
			.monthly(GATEWAY, "Wi-Fi Gateway", OfferingKind.EQUIPMENT, "15.00")
			.monthly(TV, "TV Select", OfferingKind.TV, "89.99")
			.build();

		List<Change> changes = StatementChanges.between(previous, current).changes();

		assertThat(changes).hasSize(1);
		Change plan = changes.get(0);
		assertThat(plan.type()).isEqualTo(Type.PLAN_CHANGED);
		assertThat(plan.subject().en()).isEqualTo("Fiber 1 Gig");
		assertThat(plan.replaced().en()).isEqualTo("Internet 500");
		assertThat(plan.before()).isEqualTo(Money.usd("45.00"));
		assertThat(plan.after()).isEqualTo(Money.usd("80.00"));
		assertThat(plan.amount()).isEqualTo(Money.usd("35.00"));
		assertThat(plan.isIncrease()).isTrue();
	}

	@Test
	void equipmentSwappedForOtherEquipmentIsAnAdditionAndARemovalNotAPlanChange() {
		var previous = regularMonth(FEB).build();
		var current = statement(MAR).monthly(INTERNET, "Internet 500", OfferingKind.INTERNET, "65.00")
			.monthly("sub-extender", "Wi-Fi Extender", OfferingKind.EQUIPMENT, "5.00")
			.monthly(TV, "TV Select", OfferingKind.TV, "89.99")
			.build();

		assertThat(StatementChanges.between(previous, current).changes()).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.SERVICE_ADDED, "Wi-Fi Extender", "5.00"),
				change(Type.SERVICE_REMOVED, "Wi-Fi Gateway", "-15.00"));
	}

	@Test
	void aSecondUnitOfTheSameOfferingIsAServiceAddedNotAPriceChange() {
		var previous = regularMonth(FEB).monthly("box-1", "4K TV Box", OfferingKind.EQUIPMENT, "10.00").build();
		var current = regularMonth(MAR).monthly("box-1", "4K TV Box", OfferingKind.EQUIPMENT, "10.00")
			.monthly("box-2", "4K TV Box", OfferingKind.EQUIPMENT, "10.00")
			.build();

		assertThat(StatementChanges.between(previous, current).changes())
			.extracting(StatementChangesUnitTests::describe)
			.containsExactly(change(Type.SERVICE_ADDED, "4K TV Box", "10.00"));
	}

	@Test
	void aPriceChangeOfAServiceThatStayedShowsBeforeAndAfter() {
		var previous = regularMonth(FEB).build();
		var current = statement(MAR).monthly(INTERNET, "Internet 500", OfferingKind.INTERNET, "70.00")
			.monthly(GATEWAY, "Wi-Fi Gateway", OfferingKind.EQUIPMENT, "15.00")
			.monthly(TV, "TV Select", OfferingKind.TV, "89.99")
			.build();

		List<Change> changes = StatementChanges.between(previous, current).changes();

		assertThat(changes).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.PRICE_CHANGED, "Internet 500", "5.00"));
		assertThat(changes.get(0).before()).isEqualTo(Money.usd("65.00"));
		assertThat(changes.get(0).after()).isEqualTo(Money.usd("70.00"));
	}

	@Test
	void aPromotionThatEndedShowsTheDiscountLost() {
		var previous = regularMonth(FEB).discount(TV, "TV Select: $10 off", OfferingKind.TV, "10.00").build();
		var current = regularMonth(MAR).build();

		List<Change> changes = StatementChanges.between(previous, current).changes();

		assertThat(changes).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.PROMOTION_ENDED, "TV Select: $10 off", "10.00"));
		assertThat(changes.get(0).service().en()).isEqualTo("TV Select");
		assertThat(changes.get(0).before()).isEqualTo(Money.usd("-10.00"));
		assertThat(changes.get(0).after()).isEqualTo(Money.usd("0.00"));
	}

	@Test
	void aPromotionThatStartedOrShrankShowsTheDifference() {
		var started = StatementChanges.between(regularMonth(FEB).build(),
				regularMonth(MAR).discount(TV, "TV Select: $10 off", OfferingKind.TV, "10.00").build());
		assertThat(started.changes()).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.PROMOTION_STARTED, "TV Select: $10 off", "-10.00"));

		// ending part-way through the cycle: only some of the days are discounted
		var shrank = StatementChanges.between(
				regularMonth(FEB).discount(TV, "TV Select: $10 off", OfferingKind.TV, "10.00").build(),
				regularMonth(MAR).discount(TV, "TV Select: $10 off", OfferingKind.TV, "6.77").build());
		assertThat(shrank.changes()).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.PROMOTION_CHANGED, "TV Select: $10 off", "3.23"));
		assertThat(shrank.changes().get(0).service().en()).isEqualTo("TV Select");
	}

	@Test
	void partialMonthsAreListedWithTheirDaysAndNetOfTheirDiscounts() {
		LocalDate change = LocalDate.of(2026, 2, 20);
		var current = statement(MAR).monthly("sub-fiber", "Fiber 1 Gig", OfferingKind.INTERNET, "80.00")
			.prorated(INTERNET, "Internet 500", OfferingKind.INTERNET, change, MAR, "-46.43")
			.proratedDiscount(INTERNET, "New customers: $20 off", OfferingKind.INTERNET, change, MAR, "14.29")
			.prorated("sub-fiber", "Fiber 1 Gig", OfferingKind.INTERNET, change, MAR, "57.14")
			.build();

		List<Change> changes = StatementChanges.between(null, current).changes();

		assertThat(changes).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.PRORATED_CHARGE, "Fiber 1 Gig", "57.14"),
				change(Type.PRORATED_CREDIT, "Internet 500", "-32.14"));
		Change credit = changes.get(1);
		assertThat(credit.from()).isEqualTo(change);
		assertThat(credit.through()).isEqualTo(LocalDate.of(2026, 3, 11));
		assertThat(credit.days()).isEqualTo(20);
		assertThat(credit.cycleDays()).isEqualTo(28);
	}

	@Test
	void partialMonthsAcrossTwoCyclesArePricedAgainstEachCyclesLength() {
		var current = statement(MAR)
			.prorated(TV, "TV Select", OfferingKind.TV, LocalDate.of(2026, 1, 20), FEB, "66.76")
			.prorated(TV, "TV Select", OfferingKind.TV, FEB, MAR, "89.99")
			.build();

		List<Change> changes = StatementChanges.between(null, current).changes();

		assertThat(changes).extracting(Change::days).containsExactly(23L, 28L);
		assertThat(changes).extracting(Change::cycleDays).containsExactly(31L, 28L);
	}

	@Test
	void oneTimeItemsAreListedWithTheirDates() {
		LocalDate on = LocalDate.of(2026, 2, 25);
		var current = regularMonth(MAR).entry(LineType.ONE_TIME, "Professional installation", on, "89.99")
			.entry(LineType.LATE_FEE, "Late fee", LocalDate.of(2026, 3, 6), "10.00")
			.entry(LineType.ADJUSTMENT, "Billing correction", on, "2.50")
			.entry(LineType.CREDIT, "Outage credit", on, "-4.00")
			.entry(LineType.PAYMENT, "Payment, thank you", on, "-169.99")
			.previousBalance("169.99")
			.build();

		List<Change> changes = StatementChanges.between(regularMonth(FEB).build(), current).changes();

		assertThat(changes).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.ONE_TIME_CHARGE, "Professional installation", "89.99"),
				change(Type.LATE_FEE, "Late fee", "10.00"), change(Type.ADJUSTMENT, "Billing correction", "2.50"),
				change(Type.CREDIT, "Outage credit", "-4.00"));
		assertThat(changes.get(0).on()).isEqualTo(on);
		assertThat(changes.get(3).isIncrease()).isFalse();
	}

	@Test
	void usageIsListedWithItsPeriod() {
		var current = regularMonth(MAR).build();
		var withUsage = new Statement(current.id(), current.account(), current.accountNumber(), current.cycleStart(),
				current.cycleEnd(), current.dueDate(), current.previousBalance(), current.paymentsAndCredits(),
				current.newCharges().plus(Money.usd("20.00")), current.taxes(),
				current.amountDue().plus(Money.usd("20.00")),
				current.language(), false, current.holderName(), current.billTo(), current.serviceAddress(),
				java.util.stream.Stream.concat(current.lines().stream(),
						java.util.stream.Stream.of(new StatementLine(LineType.USAGE,
								StatementFixtures.text("Data beyond your plan: 2 blocks of 50 GB"), FEB, MAR, 2000, null,
								null, null, null)))
					.toList(),
				StatementStatus.OPEN);

		List<Change> changes = StatementChanges.between(regularMonth(FEB).build(), withUsage).changes();

		assertThat(changes).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.USAGE_CHARGE, "Data beyond your plan: 2 blocks of 50 GB", "20.00"));
		assertThat(changes.get(0).from()).isEqualTo(FEB);
		assertThat(changes.get(0).through()).isEqualTo(LocalDate.of(2026, 3, 11));
	}

	@Test
	void taxesThatChangedShowTheDifferenceAndUnchangedTaxesNothing() {
		var previous = regularMonth(FEB).tax("PA sales tax", "6.30").tax("Cable franchise fee", "4.50").build();
		var same = regularMonth(MAR).tax("PA sales tax", "6.30").tax("Cable franchise fee", "4.50").build();
		var higher = regularMonth(MAR).tax("PA sales tax", "8.10").tax("Cable franchise fee", "4.50").build();

		assertThat(StatementChanges.between(previous, same).changes()).isEmpty();
		List<Change> changes = StatementChanges.between(previous, higher).changes();
		assertThat(changes).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.TAXES_CHANGED, "Taxes and fees", "1.80"));
		assertThat(changes.get(0).before()).isEqualTo(Money.usd("10.80"));
		assertThat(changes.get(0).after()).isEqualTo(Money.usd("12.60"));
	}

	@Test
	void anUnpaidBalanceCarriesOverButACreditIsNotCountedTwice() {
		LocalDate paidOn = LocalDate.of(2026, 3, 1);
		var partlyPaid = regularMonth(MAR).previousBalance("169.99")
			.entry(LineType.PAYMENT, "Payment", paidOn, "-100.00")
			.entry(LineType.CREDIT, "Outage credit", paidOn, "-5.00")
			.build();
		assertThat(StatementChanges.between(regularMonth(FEB).build(), partlyPaid).changes()).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.CREDIT, "Outage credit", "-5.00"),
				change(Type.BALANCE_CARRIED_OVER, "Balance from earlier statements", "69.99"));

		var overpaid = regularMonth(MAR).previousBalance("169.99")
			.entry(LineType.PAYMENT, "Payment", paidOn, "-200.00")
			.build();
		assertThat(StatementChanges.between(regularMonth(FEB).build(), overpaid).changes())
			.extracting(StatementChangesUnitTests::describe)
			.containsExactly(change(Type.BALANCE_CARRIED_OVER, "Balance from earlier statements", "-30.01"));

		var paid = regularMonth(MAR).previousBalance("169.99").entry(LineType.PAYMENT, "Payment", paidOn, "-169.99").build();
		assertThat(StatementChanges.between(regularMonth(FEB).build(), paid).changes()).isEmpty();
	}

	@Test
	void theFirstStatementComparesWithNothingButListsWhatIsNotARegularMonth() {
		var first = regularMonth(MAR).entry(LineType.ONE_TIME, "Activation", MAR, "10.00")
			.tax("PA sales tax", "6.30")
			.build();

		var changes = StatementChanges.between(null, first);

		assertThat(changes.first()).isTrue();
		assertThat(changes.changes()).extracting(StatementChangesUnitTests::describe).containsExactly(change(Type.ONE_TIME_CHARGE, "Activation", "10.00"));
		assertThat(changes.previousCharges()).isEqualTo(Money.usd("0.00"));
		assertThat(changes.currentCharges()).isEqualTo(Money.usd("186.29"));
	}

	@Test
	void changesReadServicesFirstThenPartialMonthsThenOneTimeItemsThenTaxes() {
		LocalDate on = LocalDate.of(2026, 2, 20);
		var previous = regularMonth(FEB).discount(TV, "TV Select: $10 off", OfferingKind.TV, "10.00")
			.tax("PA sales tax", "5.00")
			.build();
		var current = regularMonth(MAR).monthly("sub-phone", "Unlimited Home Phone", OfferingKind.PHONE, "30.00")
			.prorated("sub-phone", "Unlimited Home Phone", OfferingKind.PHONE, on, MAR, "21.43")
			.entry(LineType.ONE_TIME, "Phone activation", on, "10.00")
			.entry(LineType.LATE_FEE, "Late fee", LocalDate.of(2026, 3, 6), "10.00")
			.tax("PA sales tax", "9.00")
			.previousBalance("174.99")
			.build();

		var changes = StatementChanges.between(previous, current);

		assertThat(changes.changes()).extracting(Change::type)
			.containsExactly(Type.SERVICE_ADDED, Type.PROMOTION_ENDED, Type.PRORATED_CHARGE, Type.ONE_TIME_CHARGE,
					Type.LATE_FEE, Type.TAXES_CHANGED, Type.BALANCE_CARRIED_OVER);
		// 169.99 + 30.00 + 21.43 + 10.00 + 10.00 + 9.00 now against 169.99 - 10.00 + 5.00 before
		assertThat(changes.difference()).isEqualTo(Money.usd("85.43"));
	}

	private static String change(Type type, String subject, String amount) {
		return type + " " + subject + " " + Money.usd(amount).formatted();
	}

	private static String describe(Change change) {
		return change.type() + " " + change.subject().en() + " " + change.amount().formatted();
	}
}
