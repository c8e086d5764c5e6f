package org.portico.billing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.portico.billing.StatementCalculator.BilledState;
import org.portico.customer.ServiceAccountId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Billing's own record of each account ({@code billing.billing_account}) and of each billed subscription. */
@Repository
class BillingAccountRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	BillingAccountRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Enrols the accounts billing has not seen yet (as of {@code on}) and locks every one of them, in ID
	 * order so that two transactions never wait on each other crosswise.
	 */
	Map<ServiceAccountId, Enrolment> enrolAndLock(Collection<ServiceAccountId> accounts, LocalDate on) {
		if (accounts.isEmpty()) {
			return Map.of();
		}
		UUID[] ids = accounts.stream().map(ServiceAccountId::value).sorted().toArray(UUID[]::new);
		jdbcTemplate.update(connection -> {
			var statement = connection.prepareStatement("""
					insert into billing.billing_account (account_id, enrolled_on)
					select id, ? from unnest(?) as id order by id
					on conflict (account_id) do nothing""");
			statement.setDate(1, Date.valueOf(on));
			statement.setArray(2, connection.createArrayOf("uuid", ids));
			return statement;
		});
		var enrolments = new HashMap<ServiceAccountId, Enrolment>();
		jdbcTemplate.query(connection -> {
			var statement = connection.prepareStatement("""
					select account_id, enrolled_on, paperless from billing.billing_account
					where account_id = any(?) order by account_id for update""");
			statement.setArray(1, connection.createArrayOf("uuid", ids));
			return statement;
		}, row -> {
			enrolments.put(new ServiceAccountId(row.getObject("account_id", UUID.class)),
					new Enrolment(row.getObject("enrolled_on", LocalDate.class), row.getBoolean("paperless")));
		});
		return enrolments;
	}

	/** Locks one account for a posting, enrolling it first if billing has not seen it. */
	Enrolment lock(ServiceAccountId account, LocalDate today) {
		return enrolAndLock(List.of(account), today).get(account);
	}

	Optional<Enrolment> find(ServiceAccountId account) {
		return jdbc.sql("select enrolled_on, paperless from billing.billing_account where account_id = :account")
			.param("account", account.value())
			.query((row, n) -> new Enrolment(row.getObject("enrolled_on", LocalDate.class), row.getBoolean("paperless")))
			.optional();
	}

	void updatePaperless(ServiceAccountId account, boolean paperless) {
		jdbc.sql("""
				update billing.billing_account
				set paperless = :paperless,
				    paperless_consent_at = case when :paperless then now() else paperless_consent_at end,
				    updated_at = now(), version = version + 1
				where account_id = :account""")
			.param("paperless", paperless)
			.param("account", account.value())
			.update();
	}

	void recordPaperlessChoice(ServiceAccountId account, PaperlessChoice choice) {
		jdbc.sql("""
				insert into billing.paperless_choice (account_id, paperless, consent_text, chosen_by, source_address)
				values (:account, :paperless, :consent, :by, :source)""")
			.param("account", account.value())
			.param("paperless", choice.paperless())
			.param("consent", choice.consentText())
			.param("by", choice.chosenBy())
			.param("source", choice.sourceAddress())
			.update();
	}

	/** How far each subscription of these accounts has been billed, for those billing has billed. */
	Map<UUID, BilledState> billedServices(Collection<ServiceAccountId> accounts) {
		var billed = new HashMap<UUID, BilledState>();
		if (accounts.isEmpty()) {
			return billed;
		}
		UUID[] ids = accounts.stream().map(ServiceAccountId::value).toArray(UUID[]::new);
		jdbcTemplate.query(connection -> {
			var statement = connection.prepareStatement(
					"select subscription_id, billed_through from billing.billed_service where account_id = any(?)");
			statement.setArray(1, connection.createArrayOf("uuid", ids));
			return statement;
		}, row -> {
			billed.put(row.getObject("subscription_id", UUID.class),
					new BilledState(row.getObject("billed_through", LocalDate.class)));
		});
		return billed;
	}

	/** Records how far subscriptions are billed now: a date, or null for “through the latest cycle”. */
	void saveBilledServices(List<BilledChange> changes) {
		// a subscription billed for the first time gets its row (streamed); one billed before is updated
		var first = new CopyRows("billing.billed_service", "subscription_id, account_id, billed_through");
		var updates = new ArrayList<BilledChange>();
		for (BilledChange change : changes) {
			if (change.known()) {
				updates.add(change);
			}
			else {
				first.value(change.subscription()).value(change.account().value()).value(change.billedThrough()).endRow();
			}
		}
		first.copy(java.util.Objects.requireNonNull(jdbcTemplate.getDataSource()));
		if (!updates.isEmpty()) {
			jdbcTemplate.batchUpdate(
					"update billing.billed_service set billed_through = ?, updated_at = now() where subscription_id = ?",
					updates, 1_000, (statement, change) -> {
						statement.setObject(1, change.billedThrough() == null ? null : Date.valueOf(change.billedThrough()));
						statement.setObject(2, change.subscription());
					});
		}
	}

	/**
	 * A resumed subscription: the suspended days were credited or never charged, so billing carries on
	 * from the day service resumed rather than from the suspension.
	 */
	void skipTo(UUID subscription, LocalDate resumedOn) {
		jdbc.sql("""
				update billing.billed_service set billed_through = :resumed, updated_at = now()
				where subscription_id = :subscription and billed_through < :resumed""")
			.param("resumed", resumedOn)
			.param("subscription", subscription)
			.update();
	}

	record Enrolment(LocalDate enrolledOn, boolean paperless) {
	}

	/**
	 * How far a subscription is billed after a statement.
	 *
	 * @param known whether billing had billed it before (it has a row)
	 */
	record BilledChange(UUID subscription, ServiceAccountId account, @org.jspecify.annotations.Nullable LocalDate billedThrough,
			boolean known) {
	}

	static List<BilledChange> changes(ServiceAccountId account, Map<UUID, Optional<LocalDate>> billedThrough,
			Map<UUID, ?> known) {
		var changes = new ArrayList<BilledChange>(billedThrough.size());
		billedThrough.forEach((subscription, date) -> changes
			.add(new BilledChange(subscription, account, date.orElse(null), known.containsKey(subscription))));
		return changes;
	}
}
