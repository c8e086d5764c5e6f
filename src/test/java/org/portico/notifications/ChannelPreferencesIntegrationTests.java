package org.portico.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.identity.LoginId;
import org.portico.shared.InvalidValueException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notices go out on the channels a login chose, within the rules: some cannot be turned off, offers start off. */
class ChannelPreferencesIntegrationTests extends IntegrationTestSupport {

	@Autowired
	NotificationManagement notifications;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	OutboxRows rows;

	@BeforeEach
	void rows() {
		rows = new OutboxRows(jdbc);
	}

	@Test
	void aLoginThatTurnedACategorysEmailOffGetsNoEmailButStillTheInAppNotice() {
		LoginId login = fixtures.ownedAccount().owner().id();
		notifications.choose(login, Map.of(Category.BILLING, Map.of(Channel.EMAIL, false)));

		var billing = notifications.send(notice(Category.BILLING, login));
		var payments = notifications.send(notice(Category.PAYMENTS, login));

		assertThat(rows.channels(billing)).containsExactly("IN_APP");
		assertThat(rows.channels(payments)).containsExactly("EMAIL", "IN_APP");
		assertThat(notifications.notificationCentre(login)).extracting(InAppNotice::id)
			.contains(billing.get(0), rows.on(payments, Channel.IN_APP));
	}

	@Test
	void securityAndAccountNoticesCannotBeTurnedOffByEmailOrInTheApp() {
		LoginId login = fixtures.ownedAccount().owner().id();
		var choices = new LinkedHashMap<Category, Map<Channel, Boolean>>();
		choices.put(Category.BILLING, Map.of(Channel.EMAIL, false));
		choices.put(Category.SECURITY, Map.of(Channel.EMAIL, false));

		assertThatThrownBy(() -> notifications.choose(login, choices)).isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> notifications.choose(login, Map.of(Category.ACCOUNT, Map.of(Channel.IN_APP, false))))
			.isInstanceOf(InvalidValueException.class);

		var preferences = notifications.preferencesOf(login);
		assertThat(preferences.isChosen(Category.BILLING, Channel.EMAIL)).as("the refused change saved nothing").isTrue();
		assertThat(preferences.isEnabled(Category.SECURITY, Channel.EMAIL)).isTrue();
		assertThat(rows.channels(notifications.send(notice(Category.SECURITY, login)))).containsExactly("EMAIL", "IN_APP");
		assertThat(rows.channels(notifications.send(notice(Category.ACCOUNT, login)))).containsExactly("EMAIL", "IN_APP");
	}

	@Test
	void offersAreOffByDefaultOnEveryChannelUntilTheLoginTurnsThemOn() {
		LoginId login = fixtures.ownedAccount().owner().id();
		notifications.consentToSms(login, OutboxRows.uniquePhone(), "Texts about my account", "203.0.113.7");

		var preferences = notifications.preferencesOf(login);
		for (Channel channel : Channel.values()) {
			assertThat(preferences.isEnabled(Category.OFFERS, channel)).as("offers by %s", channel).isFalse();
		}
		assertThat(notifications.send(notice(Category.OFFERS, login))).isEmpty();

		notifications.choose(login, Map.of(Category.OFFERS, Map.of(Channel.EMAIL, true)));
		assertThat(rows.channels(notifications.send(notice(Category.OFFERS, login)))).containsExactly("EMAIL");
	}

	@Test
	void textsNeedBothTheChoiceAndTheConsent() {
		LoginId login = fixtures.ownedAccount().owner().id();
		notifications.choose(login, Map.of(Category.OUTAGES, Map.of(Channel.SMS, true)));
		assertThat(rows.channels(notifications.send(notice(Category.OUTAGES, login)))).doesNotContain("SMS");

		notifications.consentToSms(login, OutboxRows.uniquePhone(), "Texts about my account", "203.0.113.7");
		assertThat(rows.channels(notifications.send(notice(Category.OUTAGES, login)))).contains("SMS");
		assertThat(rows.channels(notifications.send(notice(Category.BILLING, login)))).as("SMS not chosen for billing")
			.doesNotContain("SMS");

		notifications.withdrawSmsConsent(login);
		assertThat(rows.channels(notifications.send(notice(Category.OUTAGES, login)))).doesNotContain("SMS");
	}

	private static Notification notice(Category category, LoginId login) {
		return Notification.of(category, "login-created", new Recipient.Login(login), Map.of());
	}
}
