package org.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portico.IntegrationTestSupport;
import org.portico.TestClock;
import org.portico.identity.verification.TooManyCodesException;
import org.portico.identity.verification.VerificationPurpose;
import org.portico.identity.verification.Verifications;
import org.portico.identity.verification.Verifications.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one-time codes and links themselves: limits, tries, expiry, single use, browser and purpose binding. */
class VerificationsIntegrationTests extends IntegrationTestSupport {

	static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Autowired
	Verifications verifications;

	@Autowired
	JdbcClient jdbc;

	final String browser = UUID.randomUUID().toString();

	@AfterEach
	void realTime() {
		TestClock.reset();
	}

	static String subject() {
		return "test:" + UUID.randomUUID();
	}

	Verifications.Issued code(VerificationPurpose purpose, String subject) {
		return verifications.issueCode(purpose, subject, null, null, "SMS", null, browser);
	}

	static String wrong(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

	@Test
	void aRightCodeWorksOnceAndIsStoredOnlyAsAHash() {
		var issued = code(VerificationPurpose.REGISTRATION, subject());
		assertThat(issued.secret()).matches("\\d{6}");
		assertThat(issued.minutes()).isEqualTo(10);
		String stored = jdbc.sql("select secret_hash from identity.verification where id = :id")
			.param("id", issued.id()).query(String.class).single();
		assertThat(stored).hasSize(64).doesNotContain(issued.secret());
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.REGISTRATION, browser, issued.secret()).status())
			.isEqualTo(Status.VALID);
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.REGISTRATION, browser, issued.secret()).status())
			.isEqualTo(Status.USED);
	}

	@Test
	void fiveWrongTriesEndACode() {
		var issued = code(VerificationPurpose.PASSWORD_RESET_CODE, subject());
		for (int tries = 1; tries < Verifications.MAX_ATTEMPTS; tries++) {
			var outcome = verifications.redeemCode(issued.id(), VerificationPurpose.PASSWORD_RESET_CODE, browser,
					wrong(issued.secret()));
			assertThat(outcome.status()).isEqualTo(Status.WRONG);
			assertThat(outcome.triesLeft()).isEqualTo(Verifications.MAX_ATTEMPTS - tries);
		}
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.PASSWORD_RESET_CODE, browser,
				wrong(issued.secret())).status()).isEqualTo(Status.TOO_MANY_TRIES);
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.PASSWORD_RESET_CODE, browser,
				issued.secret()).status()).isEqualTo(Status.TOO_MANY_TRIES);
	}

	@Test
	void malformedInputCountsAsAWrongTry() {
		var issued = code(VerificationPurpose.PHONE_CHANGE, subject());
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.PHONE_CHANGE, browser, "12ab56").status())
			.isEqualTo(Status.WRONG);
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.PHONE_CHANGE, browser, "").status())
			.isEqualTo(Status.WRONG);
		// spaces and dashes people type are ignored
		String spaced = issued.secret().substring(0, 3) + " " + issued.secret().substring(3);
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.PHONE_CHANGE, browser, spaced).status())
			.isEqualTo(Status.VALID);
	}

	@Test
	void codesExpireAfterTenMinutesAndLinksAfterAnHour() {
		ZonedDateTime start = ZonedDateTime.now(ZONE).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		TestClock.fixAt(start);
		var issued = code(VerificationPurpose.PASSWORD_RESET_CODE, subject());
		var link = verifications.issueLink(VerificationPurpose.PASSWORD_RESET_LINK, subject(), null, null, null, browser);
		var laterLink = verifications.issueLink(VerificationPurpose.EMAIL_CHANGE, subject(), null, null, "a@example.com",
				browser);
		TestClock.fixAt(start.plusMinutes(10).plusSeconds(1));
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.PASSWORD_RESET_CODE, browser,
				issued.secret()).status()).isEqualTo(Status.EXPIRED);
		assertThat(verifications.redeemLink(link.secret(), VerificationPurpose.PASSWORD_RESET_LINK, browser).status())
			.isEqualTo(Status.VALID);
		TestClock.fixAt(start.plusMinutes(61));
		assertThat(verifications.redeemLink(laterLink.secret(), VerificationPurpose.EMAIL_CHANGE, browser).status())
			.isEqualTo(Status.EXPIRED);
	}

	@Test
	void aCodeOrLinkFromAnotherBrowserIsUnknownAndNotUsedUp() {
		var issued = code(VerificationPurpose.PASSWORD_RESET_CODE, subject());
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.PASSWORD_RESET_CODE, "another-browser",
				issued.secret()).status()).isEqualTo(Status.UNKNOWN);
		var link = verifications.issueLink(VerificationPurpose.EMAIL_CHANGE, subject(), null, null, "b@example.com", browser);
		assertThat(verifications.redeemLink(link.secret(), VerificationPurpose.EMAIL_CHANGE, "another-browser").status())
			.isEqualTo(Status.UNKNOWN);
		// still good where it was asked for
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.PASSWORD_RESET_CODE, browser,
				issued.secret()).status()).isEqualTo(Status.VALID);
		var outcome = verifications.redeemLink(link.secret(), VerificationPurpose.EMAIL_CHANGE, browser);
		assertThat(outcome.status()).isEqualTo(Status.VALID);
		assertThat(outcome.verification().payload()).isEqualTo("b@example.com");
	}

	@Test
	void aCodeOrLinkForAnotherPurposeIsUnknown() {
		var issued = code(VerificationPurpose.PHONE_CHANGE, subject());
		assertThat(verifications.redeemCode(issued.id(), VerificationPurpose.PASSWORD_RESET_CODE, browser,
				issued.secret()).status()).isEqualTo(Status.UNKNOWN);
		var link = verifications.issueLink(VerificationPurpose.EMAIL_CHANGE, subject(), null, null, "c@example.com", browser);
		assertThat(verifications.redeemLink(link.secret(), VerificationPurpose.PASSWORD_RESET_LINK, browser).status())
			.isEqualTo(Status.UNKNOWN);
		assertThat(verifications.redeemLink("not-a-token", VerificationPurpose.EMAIL_CHANGE, browser).status())
			.isEqualTo(Status.UNKNOWN);
	}

	@Test
	void aNewCodeReplacesThePreviousOneInTheSameBrowser() {
		String subject = subject();
		var first = code(VerificationPurpose.PHONE_CHANGE, subject);
		var second = code(VerificationPurpose.PHONE_CHANGE, subject);
		assertThat(verifications.redeemCode(first.id(), VerificationPurpose.PHONE_CHANGE, browser, first.secret()).status())
			.isEqualTo(Status.EXPIRED);
		assertThat(verifications.redeemCode(second.id(), VerificationPurpose.PHONE_CHANGE, browser, second.secret())
			.status()).isEqualTo(Status.VALID);
	}

	@Test
	void atMostThreeCodesPerQuarterHour() {
		ZonedDateTime start = ZonedDateTime.now(ZONE).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		TestClock.fixAt(start);
		String subject = subject();
		for (int i = 0; i < 3; i++) {
			TestClock.fixAt(start.plusMinutes(i));
			code(VerificationPurpose.PHONE_CHANGE, subject);
		}
		assertThatThrownBy(() -> code(VerificationPurpose.PHONE_CHANGE, subject))
			.isInstanceOfSatisfying(TooManyCodesException.class,
					e -> assertThat(e.retryAfter()).isEqualTo(start.plusMinutes(15).toInstant()));
		// another purpose and another subject are counted apart
		code(VerificationPurpose.REGISTRATION, subject);
		code(VerificationPurpose.PHONE_CHANGE, subject());
		TestClock.fixAt(start.plusMinutes(15).plusSeconds(1));
		code(VerificationPurpose.PHONE_CHANGE, subject);
	}

	@Test
	void resetCodesAndLinksCountTogether() {
		String subject = subject();
		code(VerificationPurpose.PASSWORD_RESET_CODE, subject);
		verifications.issueLink(VerificationPurpose.PASSWORD_RESET_LINK, subject, null, null, null, browser);
		code(VerificationPurpose.PASSWORD_RESET_CODE, subject);
		assertThatThrownBy(() -> verifications.issueLink(VerificationPurpose.PASSWORD_RESET_LINK, subject, null, null,
				null, browser)).isInstanceOf(TooManyCodesException.class);
		assertThatThrownBy(() -> verifications.requireIssuable(VerificationPurpose.PASSWORD_RESET_CODE, subject))
			.isInstanceOf(TooManyCodesException.class);
	}

	@Test
	void atMostTenCodesPerDay() {
		ZonedDateTime start = ZonedDateTime.now(ZONE).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		String subject = subject();
		Instant first = start.toInstant();
		for (int i = 0; i < 10; i++) {
			// three per quarter hour, then the next quarter hour
			TestClock.fixAt(start.plusMinutes((i / 3) * 16L + i % 3));
			code(VerificationPurpose.PASSWORD_RESET_CODE, subject);
		}
		TestClock.fixAt(start.plusHours(3));
		assertThatThrownBy(() -> code(VerificationPurpose.PASSWORD_RESET_CODE, subject))
			.isInstanceOfSatisfying(TooManyCodesException.class,
					e -> assertThat(e.retryAfter()).isEqualTo(first.plus(Duration.ofDays(1))));
		TestClock.fixAt(start.plusDays(1).plusMinutes(1));
		code(VerificationPurpose.PASSWORD_RESET_CODE, subject);
	}
}
