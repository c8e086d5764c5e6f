package org.portico.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.PromotionCode;
import org.portico.customer.AccountStatus;
import org.portico.customer.NewServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.EmailAddress;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.portico.shared.PostalAddress;
import org.portico.subscriptions.SubscriptionImport;

/**
 * The bulk generator's accounts and services, one at a time: the {@link DemoAccountGenerator} and the
 * benchmarks draw the same realistic mix from here.
 */
public final class GeneratedAccounts {

	private static final String[] FIRST = { "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
			"Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
			"Sarah", "Christopher", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sandra", "Mark", "Ashley",
			"Kevin", "Emily", "Brian", "Michelle", "José", "María", "Luis", "Carmen", "Carlos", "Rosa", "Juan", "Ana",
			"Wei", "Mei", "Raj", "Priya", "Kwame", "Amara", "Dmitri", "Olga", "Tyrone", "Keisha" };

	private static final String[] LAST = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
			"Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
			"Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
			"Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
			"Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Chen" };

	private static final String[] STREETS = { "Main St", "Oak Ave", "Maple Dr", "Walnut St", "Chestnut St",
			"Market St", "Pine St", "Cedar Ln", "Elm St", "Washington Ave", "Lincoln Rd", "Park Ave", "Spruce St",
			"Locust St", "Ridge Ave", "Germantown Ave", "Lancaster Ave", "Highland Ave", "Church St", "Mill Rd",
			"Orchard Ln", "Meadow Ln", "Hillside Dr", "Sunset Blvd", "River Rd", "Lakeview Dr", "Forest Ave",
			"Valley Rd", "Union St", "Liberty Ave" };

	private static final String[][] PLACES = { { "Philadelphia", "PA", "19103", "215" },
			{ "Philadelphia", "PA", "19147", "267" }, { "Pittsburgh", "PA", "15206", "412" },
			{ "Allentown", "PA", "18101", "610" }, { "Reading", "PA", "19601", "610" },
			{ "Lancaster", "PA", "17601", "717" }, { "Harrisburg", "PA", "17101", "717" },
			{ "Scranton", "PA", "18503", "570" }, { "Erie", "PA", "16501", "814" }, { "Bethlehem", "PA", "18015", "610" },
			{ "Camden", "NJ", "08102", "856" }, { "Cherry Hill", "NJ", "08002", "856" },
			{ "Trenton", "NJ", "08608", "609" }, { "Wilmington", "DE", "19801", "302" },
			{ "Newark", "DE", "19711", "302" }, { "York", "PA", "17401", "717" }, { "State College", "PA", "16801", "814" },
			{ "Norristown", "PA", "19401", "610" }, { "Media", "PA", "19063", "484" }, { "Doylestown", "PA", "18901", "267" } };

	private static final OfferingCode[] INTERNET = { DemoCatalog.INTERNET_300, DemoCatalog.INTERNET_500,
			DemoCatalog.INTERNET_1G, DemoCatalog.INTERNET_2G };

	private static final OfferingCode[] TV = { DemoCatalog.TV_ESSENTIALS, DemoCatalog.TV_SELECT,
			DemoCatalog.TV_PREMIER };

	private static final OfferingCode[] ADDONS = { DemoCatalog.TV_MOVIES, DemoCatalog.TV_SPORTS,
			DemoCatalog.TV_LATINO };

	private GeneratedAccounts() {
	}

	/**
	 * One realistic account: a name, an email unique to {@code run} and {@code index}, a phone and an
	 * address in the provider's area, 96 % active, 3 % suspended, 1 % closed, 15 % preferring Spanish.
	 *
	 * @param billingDay the billing day, or {@code null} for one drawn at random (1–28)
	 */
	public static NewServiceAccount account(int index, String run, @Nullable Integer billingDay,
			RandomGenerator random) {
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
		return new NewServiceAccount(first, last, new EmailAddress(email), phone, language, address, null,
				billingDay != null ? billingDay : 1 + random.nextInt(28), status);
	}

	/** A believable bundle: everyone has internet; about half have TV, a quarter phone. */
	public static void services(ServiceAccountId account, AccountStatus status, LocalDate today,
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
