package org.portico.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: enqueue, claim, settle, and the reads of the notification centre and demo inbox. */
@Repository
class OutboxRepository {

	static final String REDACTED = "[redacted after delivery]";

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a message; false when its dedupe key was enqueued on that channel before. */
	boolean insert(UUID id, Category category, String template, Channel channel, @Nullable UUID login,
			@Nullable UUID person, @Nullable String address, Language language, String subject, String bodyText,
			@Nullable String bodyHtml, boolean containsSecret, boolean urgent, String status, Instant now,
			@Nullable String dedupeKey) {
		return jdbc.sql("""
				insert into notifications.message (id, category, template, channel, login_id, person_id, address,
				    language, subject, body_text, body_html, contains_secret, urgent, status, next_attempt_at,
				    created_at, sent_at, dedupe_key)
				values (:id, :category, :template, :channel, :login, :person, :address, :language, :subject,
				    :bodyText, :bodyHtml, :secret, :urgent, :status, :now, :now,
				    case when :status = 'SENT' then cast(:now as timestamptz) end, :dedupe)
				on conflict (dedupe_key, channel) where dedupe_key is not null do nothing
				""")
			.param("id", id)
			.param("category", category.name())
			.param("template", template)
			.param("channel", channel.name())
			.param("login", login)
			.param("person", person)
			.param("address", address)
			.param("language", language.tag())
			.param("subject", subject)
			.param("bodyText", bodyText)
			.param("bodyHtml", bodyHtml)
			.param("secret", containsSecret)
			.param("urgent", urgent)
			.param("status", status)
			.param("now", Timestamp.from(now))
			.param("dedupe", dedupeKey)
			.update() == 1;
	}

	/**
	 * Claims up to {@code limit} due messages for this node: marks them SENDING in one statement, skipping
	 * rows another node is claiming at the same moment. A claim older than {@code staleBefore} (its node
	 * died mid-delivery) is due again.
	 */
	List<OutboxMessage> claimDue(int limit, Instant now, Instant staleBefore) {
		return jdbc.sql("""
				update notifications.message m set status = 'SENDING', claimed_at = :now
				where m.id in (
				    select id from notifications.message
				    where (status = 'PENDING' and next_attempt_at <= :now)
				       or (status = 'SENDING' and claimed_at < :stale)
				    order by next_attempt_at
				    limit :limit
				    for update skip locked)
				returning m.id, m.category, m.template, m.channel, m.login_id, m.person_id, m.address, m.language,
				    m.subject, m.body_text, m.body_html, m.contains_secret, m.urgent, m.attempts, m.created_at
				""")
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(staleBefore))
			.param("limit", limit)
			.query(OutboxRepository::mapMessage)
			.list();
	}

	/** Delivered: remembers when, and drops the body when it held a secret and {@code redact} is set. */
	void markSent(UUID id, Instant now, @Nullable String providerId, boolean redact) {
		jdbc.sql("""
				update notifications.message set status = 'SENT', sent_at = :now, claimed_at = null,
				    attempts = attempts + 1, provider_id = :provider, last_error = null,
				    body_text = case when :redact then :redacted else body_text end,
				    body_html = case when :redact then null else body_html end,
				    redacted = :redact
				where id = :id and status = 'SENDING'
				""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.param("provider", providerId)
			.param("redact", redact)
			.param("redacted", REDACTED)
			.update();
	}

	/** Failed this time: due again at {@code retryAt}, or dead when {@code dead}. */
	void markFailed(UUID id, String error, Instant retryAt, boolean dead) {
		jdbc.sql("""
				update notifications.message set status = :status, claimed_at = null, attempts = attempts + 1,
				    next_attempt_at = :retryAt, last_error = :error
				where id = :id and status = 'SENDING'
				""")
			.param("id", id)
			.param("status", dead ? "DEAD" : "PENDING")
			.param("retryAt", Timestamp.from(retryAt))
			.param("error", error.length() > 300 ? error.substring(0, 300) : error)
			.update();
	}

	/** Not sent now, through no fault of the message (quiet hours): due again later, no attempt counted. */
	void postpone(UUID id, Instant until) {
		jdbc.sql("""
				update notifications.message set status = 'PENDING', claimed_at = null, next_attempt_at = :until
				where id = :id and status = 'SENDING'
				""").param("id", id).param("until", Timestamp.from(until)).update();
	}

	/**
	 * Messages enqueued before {@code pendingBefore} and not delivered: failing ever since, or due since then
	 * (the job is not running). A text merely waiting out the quiet hours (never tried, due later) is not stuck.
	 */
	/** Not to be sent any more (consent withdrawn): kept, for the record, as CANCELLED. */
	void cancel(UUID id, String reason) {
		jdbc.sql("""
				update notifications.message set status = 'CANCELLED', claimed_at = null, last_error = :reason
				where id = :id and status in ('PENDING', 'SENDING')
				""").param("id", id).param("reason", reason).update();
	}

	/** A STOP reply: texts queued for that number (codes aside) are cancelled at once. */
	int cancelQueuedTexts(String phone, String reason) {
		return jdbc.sql("""
				update notifications.message set status = 'CANCELLED', claimed_at = null, last_error = :reason
				where channel = 'SMS' and address = :phone and status = 'PENDING' and not contains_secret
				""").param("phone", phone).param("reason", reason).update();
	}

	/** Texts queued for one login (codes aside), when it turns texts off. */
	int cancelQueuedTextsOf(UUID login, String reason) {
		return jdbc.sql("""
				update notifications.message set status = 'CANCELLED', claimed_at = null, last_error = :reason
				where channel = 'SMS' and login_id = :login and status = 'PENDING' and not contains_secret
				""").param("login", login).param("reason", reason).update();
	}

	long countStuck(Instant pendingBefore) {
		return jdbc.sql("""
				select count(*) from notifications.message
				where status in ('PENDING', 'SENDING') and created_at < :before
				  and (attempts > 0 or next_attempt_at < :before)
				""").param("before", Timestamp.from(pendingBefore)).query(Long.class).single();
	}

	long countDead() {
		return jdbc.sql("select count(*) from notifications.message where status = 'DEAD'").query(Long.class).single();
	}

	long countPending() {
		return jdbc.sql("select count(*) from notifications.message where status in ('PENDING', 'SENDING')")
			.query(Long.class)
			.single();
	}

	List<InAppNotice> inbox(UUID login, int limit) {
		return jdbc.sql("""
				select id, category, subject, body_text, created_at, read_at from notifications.message
				where login_id = :login and channel = 'IN_APP' order by created_at desc limit :limit
				""")
			.param("login", login)
			.param("limit", limit)
			.query((rs, n) -> new InAppNotice(new MessageId(rs.getObject("id", UUID.class)),
					Category.valueOf(rs.getString("category")), rs.getString("subject"), rs.getString("body_text"),
					rs.getTimestamp("created_at").toInstant(), instant(rs, "read_at")))
			.list();
	}

	/** The unread count rides on each row (a window over the rows before the limit): one query for both. */
	UnreadNotices unread(UUID login, int limit) {
		var total = new int[1];
		List<InAppNotice> latest = jdbc.sql("""
				select id, category, subject, body_text, created_at, read_at, count(*) over () as unread
				from notifications.message
				where login_id = :login and channel = 'IN_APP' and read_at is null
				order by created_at desc limit :limit
				""")
			.param("login", login)
			.param("limit", Math.max(1, limit))
			.query((rs, n) -> {
				total[0] = rs.getInt("unread");
				return new InAppNotice(new MessageId(rs.getObject("id", UUID.class)),
						Category.valueOf(rs.getString("category")), rs.getString("subject"), rs.getString("body_text"),
						rs.getTimestamp("created_at").toInstant(), null);
			})
			.list();
		return new UnreadNotices(total[0], limit <= 0 ? List.of() : latest);
	}

	int unreadCount(UUID login) {
		return jdbc.sql("""
				select count(*) from notifications.message
				where login_id = :login and channel = 'IN_APP' and read_at is null
				""").param("login", login).query(Integer.class).single();
	}

	/** Marks one of the login's notices read; false when it has no such notice. */
	boolean markRead(UUID login, UUID id, Instant now) {
		return jdbc.sql("""
				update notifications.message set read_at = coalesce(read_at, :now)
				where id = :id and login_id = :login and channel = 'IN_APP'
				""").param("id", id).param("login", login).param("now", Timestamp.from(now)).update() == 1;
	}

	int markAllRead(UUID login, Instant now) {
		return jdbc.sql("""
				update notifications.message set read_at = :now
				where login_id = :login and channel = 'IN_APP' and read_at is null
				""").param("login", login).param("now", Timestamp.from(now)).update();
	}

	/** Emails and SMS, newest first, for the demo inbox. */
	List<DeliveredMessage> delivered(int limit) {
		return jdbc.sql("""
				select id, channel, category, address, subject, body_text, body_html, status, created_at, sent_at
				from notifications.message where channel <> 'IN_APP' order by created_at desc limit :limit
				""").param("limit", limit).query(OutboxRepository::mapDelivered).list();
	}

	Optional<DeliveredMessage> deliveredMessage(UUID id) {
		return jdbc.sql("""
				select id, channel, category, address, subject, body_text, body_html, status, created_at, sent_at
				from notifications.message where id = :id and channel <> 'IN_APP'
				""").param("id", id).query(OutboxRepository::mapDelivered).optional();
	}

	private static DeliveredMessage mapDelivered(ResultSet rs, int row) throws SQLException {
		return new DeliveredMessage(new MessageId(rs.getObject("id", UUID.class)), Channel.valueOf(rs.getString("channel")),
				Category.valueOf(rs.getString("category")), rs.getString("address"), rs.getString("subject"),
				rs.getString("body_text"), rs.getString("body_html"), rs.getString("status"),
				rs.getTimestamp("created_at").toInstant(), instant(rs, "sent_at"));
	}

	private static OutboxMessage mapMessage(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(rs.getObject("id", UUID.class), Category.valueOf(rs.getString("category")),
				rs.getString("template"), Channel.valueOf(rs.getString("channel")), rs.getObject("login_id", UUID.class),
				rs.getObject("person_id", UUID.class), rs.getString("address"), Language.fromTag(rs.getString("language")),
				rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
				rs.getBoolean("contains_secret"), rs.getBoolean("urgent"), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
