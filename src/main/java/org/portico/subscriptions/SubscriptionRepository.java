package org.portico.subscriptions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.OfferingCode;
import org.portico.catalog.OfferingKind;
import org.portico.catalog.PromotionCode;
import org.portico.customer.ServiceAccountId;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions in the {@code subscriptions} schema. */
@Repository
class SubscriptionRepository {

	private static final String SELECT_SUBSCRIPTION = """
			select id, account_id, offering_code, kind, started_on, ended_on, promotion_code, promotion_ends_on,
			       equipment_serial, suspended_on, replaces_id
			from subscriptions.subscription
			""";

	private static final String INSERT = """
			insert into subscriptions.subscription (id, account_id, offering_code, kind, started_on, ended_on,
			    promotion_code, promotion_ends_on, equipment_serial, suspended_on, replaces_id)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	SubscriptionRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	void insert(Subscription subscription) {
		jdbc.sql("""
				insert into subscriptions.subscription (id, account_id, offering_code, kind, started_on, ended_on,
				    promotion_code, promotion_ends_on, equipment_serial, suspended_on, replaces_id)
				values (:id, :account, :offering, :kind, :startedOn, :endedOn, :promotion, :promotionEndsOn,
				    :serial, :suspendedOn, :replaces)
				""").params(params(subscription)).update();
	}

	/** Inserts in JDBC batches: the bulk generator's path (100,000s of rows). */
	void insertBatch(List<Subscription> subscriptions) {
		jdbcTemplate.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				var s = subscriptions.get(i);
				ps.setObject(1, s.id().value());
				ps.setObject(2, s.account().value());
				ps.setString(3, s.offering().value());
				ps.setString(4, s.kind().name());
				ps.setObject(5, s.startedOn());
				ps.setObject(6, s.endedOn(), Types.DATE);
				ps.setString(7, s.promotion() == null ? null : s.promotion().value());
				ps.setObject(8, s.promotionEndsOn(), Types.DATE);
				ps.setString(9, s.equipmentSerialNumber());
				ps.setObject(10, s.suspendedOn(), Types.DATE);
				ps.setObject(11, s.replaces() == null ? null : s.replaces().value(), Types.OTHER);
			}

			@Override
			public int getBatchSize() {
				return subscriptions.size();
			}
		});
	}

	/** Saves what can change after the start: the end and the suspension. */
	void update(Subscription subscription) {
		var params = new HashMap<String, @Nullable Object>();
		params.put("id", subscription.id().value());
		params.put("endedOn", subscription.endedOn());
		params.put("suspendedOn", subscription.suspendedOn());
		jdbc.sql("""
				update subscriptions.subscription
				set ended_on = :endedOn, suspended_on = :suspendedOn, updated_at = now(), version = version + 1
				where id = :id
				""").params(params).update();
	}

	Optional<Subscription> find(SubscriptionId id) {
		return jdbc.sql(SELECT_SUBSCRIPTION + " where id = :id")
			.param("id", id.value())
			.query(SubscriptionRepository::map)
			.optional();
	}

	/** Reads the subscription and locks it until the transaction ends, so that two changes cannot both win. */
	Optional<Subscription> lock(SubscriptionId id) {
		return jdbc.sql(SELECT_SUBSCRIPTION + " where id = :id for update")
			.param("id", id.value())
			.query(SubscriptionRepository::map)
			.optional();
	}

	List<Subscription> findByAccount(ServiceAccountId account) {
		return jdbc.sql(SELECT_SUBSCRIPTION + " where account_id = :account")
			.param("account", account.value())
			.query(SubscriptionRepository::map)
			.list();
	}

	List<Subscription> findStartedBefore(Collection<ServiceAccountId> accounts, LocalDate before) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT_SUBSCRIPTION + " where account_id in (:accounts) and started_on < :before")
			.param("accounts", accounts.stream().map(ServiceAccountId::value).toList())
			.param("before", before)
			.query(SubscriptionRepository::map)
			.list();
	}

	List<Subscription> findCurrent(ServiceAccountId account, LocalDate on) {
		return jdbc.sql(SELECT_SUBSCRIPTION + " where account_id = :account and (ended_on is null or ended_on > :on)")
			.param("account", account.value())
			.param("on", on)
			.query(SubscriptionRepository::map)
			.list();
	}

	private static Map<String, @Nullable Object> params(Subscription s) {
		var params = new HashMap<String, @Nullable Object>();
		params.put("id", s.id().value());
		params.put("account", s.account().value());
		params.put("offering", s.offering().value());
		params.put("kind", s.kind().name());
		params.put("startedOn", s.startedOn());
		params.put("endedOn", s.endedOn());
		params.put("promotion", s.promotion() == null ? null : s.promotion().value());
		params.put("promotionEndsOn", s.promotionEndsOn());
		params.put("serial", s.equipmentSerialNumber());
		params.put("suspendedOn", s.suspendedOn());
		params.put("replaces", s.replaces() == null ? null : s.replaces().value());
		return params;
	}

	private static Subscription map(ResultSet rs, int row) throws SQLException {
		String promotion = rs.getString("promotion_code");
		UUID replaces = rs.getObject("replaces_id", UUID.class);
		return new Subscription(new SubscriptionId(rs.getObject("id", UUID.class)),
				new ServiceAccountId(rs.getObject("account_id", UUID.class)),
				new OfferingCode(rs.getString("offering_code")), OfferingKind.valueOf(rs.getString("kind")),
				rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
				promotion == null ? null : new PromotionCode(promotion),
				rs.getObject("promotion_ends_on", LocalDate.class),
				rs.getString("equipment_serial"), rs.getObject("suspended_on", LocalDate.class),
				replaces == null ? null : new SubscriptionId(replaces));
	}
}
