package org.portico.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.PromotionCode;
import org.portico.customer.AccountStatus;
import org.portico.customer.CustomerManagement;
import org.portico.customer.NewServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.demo.DemoCatalog;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.portico.shared.PostalAddress;
import org.portico.subscriptions.SubscriptionImport;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts for the billing-run benchmark, made through the same façades and with the same mix as the bulk
 * generator ({@code org.portico.demo.DemoAccountGenerator}: 96 % active, 3 % suspended, 1 % closed; everyone
 * has internet, about half TV with one to three boxes, a quarter phone; promotions for the recent ones), in
 * batches of 1,000, except that every account has the same billing day: the benchmark bills a provider's
 * busiest billing day, when all of them fall due in one run.
 */
final class BenchmarkAccounts {

	private static final int BATCH = 1_000;

	private static final String[] FIRST = { "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
			"Linda", "José", "María", "Luis", "Carmen", "Wei", "Mei", "Raj", "Priya", "Kwame", "Amara" };

	private static final String[] LAST = { "Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis",
			"Rodriguez", "Martinez", "Lopez", "Nguyen", "Chen", "Walker", "Young" };

	private static final String[] STREETS = { "Main St", "Oak Ave", "Maple Dr", "Walnut St", "Chestnut St",
			"Market St", "Pine St", "Cedar Ln", "Elm St", "Washington Ave" };

	private static final String[][] PLACES = { { "Philadelphia", "PA", "19103", "215" },
			{ "Pittsburgh", "PA", "15206", "412" }, { "Allentown", "PA", "18101", "610" },
			{ "Lancaster", "PA", "17601", "717" }, { "Camden", "NJ", "08102", "856" },
			{ "Trenton", "NJ", "08608", "609" }, { "Wilmington", "DE", "19801", "302" },
			{ "Newark", "DE", "19711", "302" }, { "Erie", "PA", "16501", "814" }, { "Media", "PA", "19063", "484" } };

	private static final OfferingCode[] INTERNET = { DemoCatalog.INTERNET_300, DemoCatalog.INTERNET_500,
			DemoCatalog.INTERNET_1G, DemoCatalog.INTERNET_2G };

	private static final OfferingCode[] TV = { DemoCatalog.TV_ESSENTIALS, DemoCatalog.TV_SELECT,
			DemoCatalog.TV_PREMIER };

	private static final OfferingCode[] ADDONS = { DemoCatalog.TV_MOVIES, DemoCatalog.TV_SPORTS,
			DemoCatalog.TV_LATINO };

	private final CustomerManagement customers;

	private final SubscriptionManagement subscriptions;

	private final TransactionTemplate transaction;

	BenchmarkAccounts(CustomerManagement customers, SubscriptionManagement subscriptions,
			TransactionTemplate transaction) {
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.transaction = transaction;
	}

	/** What was generated. */
	record Generated(List<ServiceAccountId> accounts, long services) {
	}

	/** {@code count} accounts billed on {@code billingDay}, their services started before {@code today}. */
	Generated generate(int count, int billingDay, LocalDate today, long seed) {
		var random = new SplittableRandom(seed);
		String run = Long.toString(System.nanoTime(), 36);
		var ids = new ArrayList<ServiceAccountId>(count);
		long services = 0;
		for (int done = 0; done < count; done += BATCH) {
			int size = Math.min(BATCH, count - done);
			int offset = done;
			services += transaction.execute(status -> {
				var requests = new ArrayList<NewServiceAccount>(size);
				for (int i = 0; i < size; i++) {
					requests.add(account(offset + i, run, billingDay, random));
				}
				var opened = customers.importAccounts(requests);
				var imports = new ArrayList<SubscriptionImport>(size * 4);
				for (int i = 0; i < opened.size(); i++) {
					ids.add(opened.get(i).id());
					services(opened.get(i).id(), requests.get(i).status(), today, random, imports);
				}
				subscriptions.importSubscriptions(imports);
				return (long) imports.size();
			});
		}
		return new Generated(ids, services);
	}

	private static NewServiceAccount account(int index, String run, int billingDay, RandomGenerator random) {
		String first = FIRST[random.nextInt(FIRST.length)];
		String last = LAST[random.nextInt(LAST.length)];
		String[] place = PLACES[random.nextInt(PLACES.length)];
		String email = ascii(first) + "." + ascii(last) + "." + run + index + "@example.net";
		var phone = PhoneNumber.parse(place[3] + "555" + (100 + random.nextInt(100)) + random.nextInt(10));
		var address = new PostalAddress((1 + random.nextInt(4999)) + " " + STREETS[random.nextInt(STREETS.length)],
				random.nextInt(10) == 0 ? "Apt " + (1 + random.nextInt(40)) : null, place[0], place[1], place[2]);
		int roll = random.nextInt(100);
		AccountStatus status = roll < 96 ? AccountStatus.ACTIVE : roll < 99 ? AccountStatus.SUSPENDED : AccountStatus.CLOSED;
		Language language = random.nextInt(100) < 15 ? Language.ES_US : Language.EN_US;
		return new NewServiceAccount(first, last, new EmailAddress(email), phone, language, address, null, billingDay,
				status);
	}

	private static void services(ServiceAccountId account, AccountStatus status, LocalDate today,
			RandomGenerator random, List<SubscriptionImport> out) {
		LocalDate since = today.minusDays(30 + random.nextInt(6 * 365));
		@Nullable LocalDate ended = status == AccountStatus.CLOSED ? today.minusDays(random.nextInt(60)) : null;
		if (ended != null && !ended.isAfter(since)) {
			ended = since.plusDays(1);
		}
		OfferingCode tier = INTERNET[weighted(random, 30, 35, 25, 10)];
		PromotionCode promotion = null;
		if (since.isAfter(today.minusMonths(12))) {
			if (tier.equals(DemoCatalog.INTERNET_500)) {
				promotion = DemoCatalog.PROMO_NEW_CUSTOMER;
			}
			else if (tier.equals(DemoCatalog.INTERNET_1G)) {
				promotion = DemoCatalog.PROMO_GIG;
			}
		}
		out.add(new SubscriptionImport(account, tier, promotion, since, ended, null));
		if (random.nextInt(100) < 85) {
			out.add(new SubscriptionImport(account, DemoCatalog.GATEWAY, null, since, ended, serial("GW", random)));
		}
		if (random.nextInt(100) < 48) {
			out.add(new SubscriptionImport(account, TV[weighted(random, 45, 40, 15)], null, since, ended, null));
			int boxes = 1 + random.nextInt(3);
			for (int b = 0; b < boxes; b++) {
				out.add(new SubscriptionImport(account, DemoCatalog.TV_BOX, null, since, ended, serial("TV", random)));
			}
			if (random.nextInt(100) < 30) {
				out.add(new SubscriptionImport(account, ADDONS[random.nextInt(ADDONS.length)], null, since, ended, null));
			}
		}
		if (random.nextInt(100) < 25) {
			out.add(new SubscriptionImport(account,
					random.nextBoolean() ? DemoCatalog.PHONE_UNLIMITED : DemoCatalog.PHONE_BASIC, null, since, ended, null));
			out.add(new SubscriptionImport(account, DemoCatalog.VOICEMAIL, null, since, ended, null));
			out.add(new SubscriptionImport(account, DemoCatalog.VOICE_MODEM, null, since, ended, serial("VM", random)));
		}
	}

	private static int weighted(RandomGenerator random, int... weights) {
		int roll = random.nextInt(100);
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i];
			if (roll < sum) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private static String serial(String kind, RandomGenerator random) {
		return "RB-" + kind + "-" + String.format(Locale.ROOT, "%06X", random.nextInt(0x1000000));
	}

	private static String ascii(String name) {
		return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
	}
}
