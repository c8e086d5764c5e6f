package org.portico.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-login channel choices and SMS consent. */
@Repository
class PreferenceRepository {

	private final JdbcClient jdbc;

	PreferenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Choice(Category category, Channel channel, boolean enabled) {
	}

	List<Choice> choices(UUID login) {
		return jdbc.sql("select category, channel, enabled from notifications.preference where login_id = :login")
			.param("login", login)
			.query((rs, n) -> new Choice(Category.valueOf(rs.getString("category")),
					Channel.valueOf(rs.getString("channel")), rs.getBoolean("enabled")))
			.list();
	}

	void save(UUID login, Category category, Channel channel, boolean enabled) {
		jdbc.sql("""
				insert into notifications.preference (login_id, category, channel, enabled)
				values (:login, :category, :channel, :enabled)
				on conflict (login_id, category, channel) do update set enabled = excluded.enabled, updated_at = now()
				""")
			.param("login", login)
			.param("category", category.name())
			.param("channel", channel.name())
			.param("enabled", enabled)
			.update();
	}

	/** The phone number the login consented to texts on, while the consent stands. */
	Optional<String> consentedPhone(UUID login) {
		return jdbc.sql("""
				select phone from notifications.sms_consent where login_id = :login and withdrawn_at is null
				order by given_at desc limit 1
				""").param("login", login).query(String.class).optional();
	}

	void recordConsent(UUID login, String phone, String text, @Nullable String sourceIp, Instant now) {
		withdrawForLogin(login, "REPLACED", now);
		jdbc.sql("""
				insert into notifications.sms_consent (id, login_id, phone, consent_text, source_ip, given_at)
				values (:id, :login, :phone, :text, :ip, :now)
				""")
			.param("id", UUID.randomUUID())
			.param("login", login)
			.param("phone", phone)
			.param("text", text)
			.param("ip", sourceIp)
			.param("now", Timestamp.from(now))
			.update();
	}

	int withdrawForLogin(UUID login, String how, Instant now) {
		return jdbc.sql("""
				update notifications.sms_consent set withdrawn_at = :now, withdrawn_by = :how
				where login_id = :login and withdrawn_at is null
				""").param("login", login).param("how", how).param("now", Timestamp.from(now)).update();
	}

	/** A STOP reply: every consent for texts to that number ends at once. */
	int withdrawForPhone(String phone, String how, Instant now) {
		return jdbc.sql("""
				update notifications.sms_consent set withdrawn_at = :now, withdrawn_by = :how
				where phone = :phone and withdrawn_at is null
				""").param("phone", phone).param("how", how).param("now", Timestamp.from(now)).update();
	}

	/** The login that last consented to texts on that number, whether or not the consent still stands. */
	Optional<UUID> lastConsentingLogin(String phone) {
		return jdbc.sql("""
				select login_id from notifications.sms_consent where phone = :phone order by given_at desc limit 1
				""").param("phone", phone).query(UUID.class).optional();
	}

	boolean hasConsent(String phone) {
		return jdbc.sql("""
				select exists (select 1 from notifications.sms_consent where phone = :phone and withdrawn_at is null)
				""").param("phone", phone).query(Boolean.class).single();
	}
}
