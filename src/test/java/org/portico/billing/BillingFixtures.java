package org.portico.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.portico.AccountFixtures;
import org.portico.AccountFixtures.OwnedAccount;
import org.portico.catalog.LocalizedText;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.demo.DemoCatalog;
import org.portico.shared.Money;
import org.portico.subscriptions.Subscription;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.stereotype.Component;

/**
 * Fixture accounts with a billing history on fixed dates, made the way production makes one: services
 * started and changed through the subscriptions façade, payments and charges through billing's façade,
 * statements issued by the real billing run for that account alone (tests share one database).
 *
 * <p>Fixture accounts are billed on day 12 in Pennsylvania (taxes from the default configuration).
 */
@Component
public class BillingFixtures {

	/** The first statement date of every billed fixture account. */
	public static final LocalDate JANUARY = LocalDate.of(2026, 1, 12);

	public static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 12);

	/** The day the history's changes happen: a plan change, a new phone line and an installation. */
	public static final LocalDate CHANGE_DAY = LocalDate.of(2026, 2, 20);

	public static final LocalDate MARCH = LocalDate.of(2026, 3, 12);

	private final AccountFixtures accounts;

	private final SubscriptionManagement subscriptions;

	private final BillingManagement billing;

	private final BillingRun run;

	BillingFixtures(AccountFixtures accounts, SubscriptionManagement subscriptions, BillingManagement billing,
			BillingRun run) {
		this.accounts = accounts;
		this.subscriptions = subscriptions;
		this.billing = billing;
		this.run = run;
	}

	/**
	 * An owned account with three statements:
	 * <ul>
	 * <li>January 12: Internet 500 with the new-customer promotion, the Wi-Fi gateway and TV Select, paid in
	 * full on February 1</li>
	 * <li>February 12: the same month again, left unpaid</li>
	 * <li>March 12: after a change to Fiber 1 Gig (the promotion does not carry over), a new phone line and a
	 * professional installation on February 20, and the late fee for February: partial-month charges and
	 * credits, new monthly services, a one-time charge, a late fee, higher taxes and the unpaid February
	 * balance carried over</li>
	 * </ul>
	 */
	public History historyOfThreeStatements() {
		OwnedAccount owned = accounts.ownedAccount();
		ServiceAccountId id = owned.account().id();
		Subscription internet = subscriptions.start(id, DemoCatalog.INTERNET_500, DemoCatalog.PROMO_NEW_CUSTOMER,
				JANUARY);
		subscriptions.start(id, DemoCatalog.GATEWAY, null, JANUARY, "RB-GW-" + UUID.randomUUID().toString().substring(0, 6));
		subscriptions.start(id, DemoCatalog.TV_SELECT, null, JANUARY);
		runThrough(id, JANUARY);
		Money january = billing.statements(id).get(0).amountDue();
		billing.recordPayment(id, january, LocalDate.of(2026, 2, 1), "fixture-" + UUID.randomUUID(),
				LocalizedText.of("Payment, thank you", "Pago, gracias"));
		runThrough(id, FEBRUARY);
		subscriptions.change(internet.id(), DemoCatalog.INTERNET_1G, CHANGE_DAY);
		subscriptions.start(id, DemoCatalog.PHONE_UNLIMITED, null, CHANGE_DAY);
		billing.addCharge(id, Money.usd("89.99"), CHANGE_DAY,
				LocalizedText.of("Professional installation", "Instalación profesional"), null);
		runThrough(id, MARCH);
		return new History(owned, billing.statements(id).stream().map(StatementSummary::id).toList());
	}

	/** An owned account with one statement (Internet 300 from {@link #JANUARY}). */
	public History oneStatement() {
		return new History(accounts.ownedAccount(), List.of()).withOneStatement(this);
	}

	/** Gives {@code account} Internet 300 from {@link #JANUARY} and its first statement; returns its ID. */
	public StatementId firstStatementOf(ServiceAccount account) {
		subscriptions.start(account.id(), DemoCatalog.INTERNET_300, null, JANUARY);
		runThrough(account.id(), JANUARY);
		return billing.statements(account.id()).get(0).id();
	}

	/** The billing run through {@code day}, for this account only. */
	public void runThrough(ServiceAccountId account, LocalDate day) {
		run.run(day, Set.of(account));
	}

	/**
	 * A billed fixture account.
	 *
	 * @param statements newest first
	 */
	public record History(OwnedAccount owned, List<StatementId> statements) {

		public ServiceAccount account() {
			return owned.account();
		}

		public StatementId latest() {
			return statements.get(0);
		}

		History withOneStatement(BillingFixtures fixtures) {
			return new History(owned, List.of(fixtures.firstStatementOf(owned.account())));
		}
	}
}
