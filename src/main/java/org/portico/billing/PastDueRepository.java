package org.portico.billing;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which accounts are past due, straight from statements and ledger in one query, the way
 * {@link BillingManagement#statements} decides a statement's status: what was received since a statement
 * (payments, refunds, adjustments and credits not posted by a later statement) against its amount due.
 */
@Repository
class PastDueRepository {

	/** Received since statement {@code s}: payments less refunds, adjustments, credits of no statement. */
	private static final String RECEIVED = """
			coalesce((select -sum(e.amount_minor) from billing.ledger_entry e
			          where e.account_id = %1$s.account_id and e.id > %1$s.ledger_watermark
			            and (e.entry_type in ('PAYMENT', 'REFUND', 'ADJUSTMENT')
			                 or (e.entry_type = 'CREDIT' and e.statement_id is null))), 0)""";

	// Accounts are walked in ID order through billing_account (its primary key), each one's latest statement
	// due before today found by the (account_id, cycle_start) index: a page costs in proportion to the
	// accounts it passes over, never the whole base. Only accounts found past due have their chain of
	// earlier statements read, to date when the unpaid run began.
	private static final String SQL = """
			with latest as (
			    select a.account_id, l.amount_due_minor, l.ledger_watermark, l.currency
			    from billing.billing_account a
			    cross join lateral (
			        select s.amount_due_minor, s.ledger_watermark, s.currency from billing.statement s
			        where s.account_id = a.account_id and s.due_date < :today
			        order by s.cycle_start desc limit 1) l
			    where %1$s and l.amount_due_minor > 0
			), owing as (
			    select l.account_id, l.currency, l.amount_due_minor - %2$s as past_due_minor
			    from latest l
			)
			select o.account_id, o.currency, o.past_due_minor,
			       (select min(s.due_date) from billing.statement s
			        where s.account_id = o.account_id and s.due_date < :today
			          and s.due_date > coalesce((select max(p.due_date) from billing.statement p
			                                     where p.account_id = o.account_id and p.due_date < :today
			                                       and (p.amount_due_minor <= 0 or p.amount_due_minor <= %3$s)),
			                                    date '-infinity')) as first_unpaid_due
			from owing o
			where o.past_due_minor > 0
			order by o.account_id
			limit :limit
			""";

	private static final String PAGE = SQL.formatted("a.account_id > :after", RECEIVED.formatted("l"),
			RECEIVED.formatted("p"));

	private static final String ONE = SQL.formatted("a.account_id = :account", RECEIVED.formatted("l"),
			RECEIVED.formatted("p"));

	private final JdbcClient jdbc;

	PastDueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PastDue> page(LocalDate today, @Nullable ServiceAccountId after, int limit) {
		return jdbc.sql(PAGE)
			.param("today", today)
			// PostgreSQL orders uuids by their bytes, unsigned: the zero UUID sorts first
			.param("after", after == null ? new UUID(0, 0) : after.value())
			.param("limit", limit)
			.query(PastDueRepository::map)
			.list();
	}

	List<PastDue> of(ServiceAccountId account, LocalDate today) {
		return jdbc.sql(ONE)
			.param("today", today)
			.param("account", account.value())
			.param("limit", 1)
			.query(PastDueRepository::map)
			.list();
	}

	private static PastDue map(java.sql.ResultSet row, int n) throws java.sql.SQLException {
		return new PastDue(new ServiceAccountId(row.getObject("account_id", UUID.class)),
				Money.ofMinor(row.getLong("past_due_minor"), Currency.getInstance(row.getString("currency"))),
				row.getObject("first_unpaid_due", LocalDate.class).plusDays(1));
	}
}
