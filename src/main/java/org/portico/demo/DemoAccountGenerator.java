package org.portico.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.SplittableRandom;
import org.portico.customer.CustomerManagement;
import org.portico.customer.NewServiceAccount;
import org.portico.subscriptions.SubscriptionImport;
import org.portico.subscriptions.SubscriptionManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk generator: {@code --portico.generate.accounts=N} creates N realistic accounts — people,
 * addresses, a believable mix of internet, TV and phone services with equipment, some suspended or
 * closed — in batches of 1,000 (one transaction each), logs its progress and rate, and exits. For
 * benchmarks and for trying Portico at a real provider's scale.
 */
@Component
@Order(1)
@ConditionalOnProperty("portico.generate.accounts")
class DemoAccountGenerator implements ApplicationRunner {

	static final String PROPERTY = "portico.generate.accounts";

	private static final Logger log = LoggerFactory.getLogger(DemoAccountGenerator.class);

	private static final int BATCH = 1_000;

	private final CustomerManagement customers;

	private final SubscriptionManagement subscriptions;

	private final DemoCatalog catalog;

	private final TransactionTemplate transaction;

	private final ConfigurableApplicationContext context;

	private final Clock clock;

	private final int requested;

	DemoAccountGenerator(CustomerManagement customers, SubscriptionManagement subscriptions, DemoCatalog catalog,
			TransactionTemplate transaction, ConfigurableApplicationContext context, Clock clock,
			org.springframework.core.env.Environment environment) {
		this.customers = customers;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.transaction = transaction;
		this.context = context;
		this.clock = clock;
		String value = environment.getProperty(PROPERTY, "").strip();
		if (!value.matches("\\d{1,8}") || Integer.parseInt(value) < 1) {
			throw new IllegalArgumentException(PROPERTY + " must be a whole number from 1 to 99,999,999, was '" + value + "'");
		}
		this.requested = Integer.parseInt(value);
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> catalog.define());
		var random = new SplittableRandom(System.nanoTime());
		String run = Long.toString(System.currentTimeMillis(), 36);
		LocalDate today = LocalDate.now(clock);
		long started = System.nanoTime();
		int done = 0;
		long services = 0;
		int reported = 0;
		log.info("Generating {} accounts in batches of {}", String.format(Locale.US, "%,d", requested), BATCH);
		while (done < requested) {
			int size = Math.min(BATCH, requested - done);
			int offset = done;
			services += transaction.execute(status -> generateBatch(size, offset, run, today, random));
			done += size;
			int percent = (int) (100L * done / requested);
			if (percent >= reported + 5 || done == requested) {
				reported = percent - percent % 5;
				log.info("Generated {} of {} accounts ({}%), {} accounts/s", String.format(Locale.US, "%,d", done),
						String.format(Locale.US, "%,d", requested), percent, rate(done, started));
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		log.info("Done: {} accounts with {} services and equipment in {} s — {} accounts/s; {} accounts in the database",
				String.format(Locale.US, "%,d", requested), String.format(Locale.US, "%,d", services),
				String.format(Locale.US, "%.1f", took.toMillis() / 1000.0), rate(requested, started),
				String.format(Locale.US, "%,d", customers.countAccounts()));
		System.exit(SpringApplication.exit(context, () -> 0));
	}

	private long generateBatch(int size, int offset, String run, LocalDate today, RandomGenerator random) {
		var accounts = new ArrayList<NewServiceAccount>(size);
		for (int i = 0; i < size; i++) {
			accounts.add(GeneratedAccounts.account(offset + i, run, null, random));
		}
		var opened = customers.importAccounts(accounts);
		var imports = new ArrayList<SubscriptionImport>(size * 4);
		for (int i = 0; i < opened.size(); i++) {
			GeneratedAccounts.services(opened.get(i).id(), accounts.get(i).status(), today, random, imports);
		}
		subscriptions.importSubscriptions(imports);
		return imports.size();
	}

	private static String rate(int accounts, long startedNanos) {
		double seconds = (System.nanoTime() - startedNanos) / 1e9;
		return String.format(Locale.US, "%,.0f", accounts / Math.max(seconds, 1e-9));
	}
}
