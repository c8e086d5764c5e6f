package org.portico.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.PromotionCode;
import org.portico.customer.AccountStatus;
import org.portico.customer.CustomerManagement;
import org.portico.customer.NewServiceAccount;
import org.portico.customer.PersonId;
import org.portico.customer.ServiceAccount;
import org.portico.identity.GrantRole;
import org.portico.identity.IdentityManagement;
import org.portico.identity.Login;
import org.portico.shared.CustomerId;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.portico.shared.PostalAddress;
import org.portico.subscriptions.Subscription;
import org.portico.subscriptions.SubscriptionManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo provider when demo mode is on: the catalogue (every start, idempotently) and, into a
 * database without accounts, the accounts of the README's demo-login table, each in a distinct
 * situation. Everything goes through the modules' façades, so events and rules apply as in real use.
 * It runs as an early lifecycle phase, before the web server opens its port: by the time Portico answers
 * (and reports itself ready), the demo logins exist.
 */
@Component
@ConditionalOnBooleanProperty("portico.demo.enabled")
class DemoSeeder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private final DemoCatalog catalog;

	private final CustomerManagement customers;

	private final SubscriptionManagement subscriptions;

	private final IdentityManagement identity;

	private final DemoProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final DemoBillingHistory history;

	DemoSeeder(DemoCatalog catalog, CustomerManagement customers, SubscriptionManagement subscriptions,
			IdentityManagement identity, DemoProperties properties, TransactionTemplate transaction, Clock clock,
			DemoBillingHistory history) {
		this.history = history;
		this.catalog = catalog;
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.identity = identity;
		this.properties = properties;
		this.transaction = transaction;
		this.clock = clock;
	}

	private volatile boolean running;

	@Override
	public void start() {
		seed();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Before the web server (which starts in the last phases). */
	@Override
	public int getPhase() {
		return 0;
	}

	void seed() {
		List<DemoAccount> seeded = transaction.execute(status -> {
			catalog.define();
			if (customers.countAccounts() > 0) {
				log.info("Demo mode: accounts exist already, not seeding demo accounts");
				return List.<DemoAccount>of();
			}
			return seedAccounts();
		});
		if (seeded != null && !seeded.isEmpty()) {
			history.seed(seeded);
		}
	}

	private List<DemoAccount> seedAccounts() {
		LocalDate today = LocalDate.now(clock);

		// 1. Internet only, on an introductory promotion.
		var ana = open("Ana", "Rivera", "ana.rivera@example.com", "(215) 555-0142", Language.EN_US,
				address("1520 S 9th St", null, "Philadelphia", "PA", "19147"), null, 5, AccountStatus.ACTIVE);
		owner(ana, "C10000001");
		start(ana, DemoCatalog.INTERNET_500, DemoCatalog.PROMO_NEW_CUSTOMER, today.minusMonths(4));
		equipment(ana, DemoCatalog.GATEWAY, today.minusMonths(4), "RB-GW-5A21C9");

		// 2. Internet + TV + phone with equipment; the fiber promotion ends in about three weeks.
		var james = open("James", "Chen", "james.chen@example.com", "(717) 555-0187", Language.EN_US,
				address("48 Orchard Ln", null, "Lancaster", "PA", "17601-4207"), null, 12, AccountStatus.ACTIVE);
		owner(james, "C10000002");
		LocalDate jamesStart = today.minusMonths(11).minusDays(10);
		start(james, DemoCatalog.INTERNET_1G, DemoCatalog.PROMO_GIG, jamesStart);
		start(james, DemoCatalog.TV_SELECT, DemoCatalog.PROMO_TV_SELECT, today.minusMonths(2));
		start(james, DemoCatalog.TV_SPORTS, null, today.minusMonths(2));
		start(james, DemoCatalog.PHONE_UNLIMITED, null, jamesStart);
		start(james, DemoCatalog.VOICEMAIL, null, jamesStart);
		start(james, DemoCatalog.CALLER_ID_BLOCK, null, jamesStart);
		equipment(james, DemoCatalog.GATEWAY, jamesStart, "RB-GW-7F3310");
		equipment(james, DemoCatalog.TV_BOX, today.minusMonths(2), "RB-TV-11A4E2");
		equipment(james, DemoCatalog.TV_BOX, today.minusMonths(2), "RB-TV-11A4F7");
		equipment(james, DemoCatalog.VOICE_MODEM, jamesStart, "RB-VM-0042B1");
		equipment(james, DemoCatalog.WIFI_EXTENDER, today.minusMonths(6), "RB-EX-90C1D4");

		// 3. Past due (the balance arrives with billing); reads her messages in Spanish.
		var maria = open("María", "González", "maria.gonzalez@example.com", "(610) 555-0119", Language.ES_US,
				address("233 Penn St", "Apt 3B", "Reading", "PA", "19601"), null, 20, AccountStatus.ACTIVE);
		owner(maria, "C10000003");
		LocalDate mariaStart = today.minusYears(2).minusMonths(3);
		start(maria, DemoCatalog.INTERNET_300, null, mariaStart);
		start(maria, DemoCatalog.TV_ESSENTIALS, null, mariaStart);
		start(maria, DemoCatalog.TV_LATINO, null, mariaStart);
		equipment(maria, DemoCatalog.GATEWAY, mariaStart, "RB-GW-3C88A0");
		equipment(maria, DemoCatalog.TV_BOX, mariaStart, "RB-TV-0B7719");

		// 4. A household: Priya owns her account and manages her mother's; her son views hers.
		var priya = open("Priya", "Shah", "priya.shah@example.com", "(412) 555-0163", Language.EN_US,
				address("77 Shady Ave", null, "Pittsburgh", "PA", "15206"), null, 8, AccountStatus.ACTIVE);
		Login priyaLogin = owner(priya, "C10000004");
		start(priya, DemoCatalog.INTERNET_2G, null, today.minusMonths(14));
		equipment(priya, DemoCatalog.GATEWAY, today.minusMonths(14), "RB-GW-A1B2C3");
		equipment(priya, DemoCatalog.WIFI_EXTENDER, today.minusMonths(14), "RB-EX-A1B2C4");
		var meena = open("Meena", "Shah", "meena.shah@example.com", "(412) 555-0171", Language.EN_US,
				address("1402 Beechwood Blvd", null, "Pittsburgh", "PA", "15217"),
				address("77 Shady Ave", null, "Pittsburgh", "PA", "15206"), 8, AccountStatus.ACTIVE);
		owner(meena, "C10000005");
		start(meena, DemoCatalog.INTERNET_300, null, today.minusYears(5));
		start(meena, DemoCatalog.PHONE_BASIC, null, today.minusYears(5));
		start(meena, DemoCatalog.VOICEMAIL, null, today.minusYears(5));
		equipment(meena, DemoCatalog.GATEWAY, today.minusYears(5), "RB-GW-1990AE");
		equipment(meena, DemoCatalog.VOICE_MODEM, today.minusYears(5), "RB-VM-1990AF");
		identity.grant(priyaLogin.id(), meena.id(), GrantRole.MANAGER);
		var dev = customers.addPerson("Dev", "Shah", new EmailAddress("dev.shah@example.com"), null, Language.EN_US);
		Login devLogin = login(dev.id(), dev.email(), "C10000006");
		identity.grant(devLogin.id(), priya.id(), GrantRole.VIEWER);

		// 5. Suspended: services paused, the customer can still sign in and see the account.
		var robert = open("Robert", "Miller", "robert.miller@example.com", "(570) 555-0128", Language.EN_US,
				address("9 Mill Rd", null, "Scranton", "PA", "18505"), null, 15, AccountStatus.ACTIVE);
		owner(robert, "C10000007");
		List<Subscription> robertServices = List.of(start(robert, DemoCatalog.INTERNET_500, null, today.minusYears(1)),
				start(robert, DemoCatalog.PHONE_UNLIMITED, null, today.minusYears(1)));
		equipment(robert, DemoCatalog.GATEWAY, today.minusYears(1), "RB-GW-55D0E1");
		for (Subscription service : robertServices) {
			subscriptions.suspend(service.id(), today.minusDays(6));
		}
		customers.changeStatus(robert.id(), AccountStatus.SUSPENDED);

		// 6. No online login yet: for trying registration (README).
		var linda = open("Linda", "Park", "linda.park@example.com", "(215) 555-0190", Language.EN_US,
				address("310 Bainbridge St", null, "Philadelphia", "PA", "19147"), null, 22, AccountStatus.ACTIVE);
		start(linda, DemoCatalog.INTERNET_1G, null, today.minusMonths(7));
		equipment(linda, DemoCatalog.GATEWAY, today.minusMonths(7), "RB-GW-77E01B");

		log.info("Demo mode: seeded 7 demo accounts; the account without a login is {} (ZIP {})",
				linda.number().display(), linda.serviceAddress().zip5());

		// One-time charges and credits of the past year, and how each household pays (DemoBillingHistory)
		return List.of(new DemoAccount(ana, today.minusMonths(4), true, PaymentHabit.ON_TIME,
				List.of(new OneTimeCharge(today.minusMonths(4), "Professional installation", "Instalación profesional",
						"49.99"))),
				new DemoAccount(james, jamesStart, true, PaymentHabit.ON_TIME,
						List.of(new OneTimeCharge(today.minusMonths(3).minusDays(9), "Pay-per-view: Championship Boxing",
								"Pago por evento: Boxeo de campeonato", "69.99"))),
				new DemoAccount(maria, mariaStart, false, PaymentHabit.STOPPED_PAYING, List.of()),
				new DemoAccount(priya, today.minusMonths(14), true, PaymentHabit.ON_TIME,
						List.of(new OneTimeCharge(today.minusMonths(5), "Credit: outage on your street",
								"Crédito: interrupción del servicio en su calle", "-5.00"))),
				new DemoAccount(meena, today.minusYears(5), false, PaymentHabit.ON_TIME, List.of()),
				new DemoAccount(robert, today.minusYears(1), false, PaymentHabit.ON_TIME, List.of()),
				new DemoAccount(linda, today.minusMonths(7), false, PaymentHabit.ON_TIME, List.of()));
	}

	/** How a demo household pays its statements. */
	enum PaymentHabit {
		/** In full, ten days after each statement. */
		ON_TIME,
		/** Not the last two statements (every earlier one in full): past due, with a late fee on the latest. */
		STOPPED_PAYING
	}

	/** A one-time charge (or, negative, a credit) on a demo account. */
	record OneTimeCharge(LocalDate on, String en, String es, String amount) {
	}

	/**
	 * A seeded account with what its billing history needs.
	 *
	 * @param customerSince when its first service started
	 */
	record DemoAccount(ServiceAccount account, LocalDate customerSince, boolean paperless, PaymentHabit habit,
			List<OneTimeCharge> charges) {
	}

	private ServiceAccount open(String first, String last, String email, String phone, Language language,
			PostalAddress service, @Nullable PostalAddress billing, int billingDay, AccountStatus status) {
		return customers.open(new NewServiceAccount(first, last, new EmailAddress(email), PhoneNumber.parse(phone),
				language, service, billing, billingDay, status));
	}

	private Login owner(ServiceAccount account, String customerId) {
		Login login = login(account.holder().id(), account.holder().email(), customerId);
		identity.grant(login.id(), account.id(), GrantRole.OWNER);
		return login;
	}

	private Login login(PersonId person, EmailAddress email, String customerId) {
		return identity.createLogin(person, email, new CustomerId(customerId), properties.loginSecret());
	}

	private Subscription start(ServiceAccount account, OfferingCode offering, @Nullable PromotionCode promotion,
			LocalDate since) {
		return subscriptions.start(account.id(), offering, promotion, since);
	}

	private void equipment(ServiceAccount account, OfferingCode offering, LocalDate since, String serial) {
		subscriptions.start(account.id(), offering, null, since, serial);
	}

	private static PostalAddress address(String line1, @Nullable String line2, String city, String state, String zip) {
		return new PostalAddress(line1, line2, city, state, zip);
	}
}
