package org.portico.payments.integration;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.portico.payments.integration.ChargeOutcome.DeclineReason;

/**
 * How a sandbox test card or bank account behaves when charged, chosen by its number the way real
 * processors' test numbers work (README “Test cards”). Any other valid card number is approved.
 */
enum SandboxScenario {

	/** Approved at once. */
	APPROVED(ChargeOutcome.Status.SUCCEEDED, null, null),
	/** Declined at once: not enough money. */
	INSUFFICIENT_FUNDS(ChargeOutcome.Status.DECLINED, DeclineReason.INSUFFICIENT_FUNDS, null),
	/** Declined at once: the issuer says the card has expired. */
	EXPIRED_CARD(ChargeOutcome.Status.DECLINED, DeclineReason.EXPIRED_CARD, null),
	/** Declined at once, no reason given. */
	DECLINED(ChargeOutcome.Status.DECLINED, DeclineReason.GENERIC, null),
	/** Accepted as processing, declined for insufficient funds after the sandbox's delay. */
	FAILS_LATER(ChargeOutcome.Status.PROCESSING, DeclineReason.INSUFFICIENT_FUNDS, ChargeOutcome.Status.DECLINED),
	/** Charged, but the answer never arrives in time: the caller sees a timeout. */
	TIMES_OUT(ChargeOutcome.Status.SUCCEEDED, null, null),
	/** A bank debit: processing, then settled after the sandbox's delay. */
	BANK_SETTLES(ChargeOutcome.Status.PROCESSING, null, ChargeOutcome.Status.SUCCEEDED),
	/** A bank debit returned for insufficient funds after the delay. */
	BANK_RETURNED(ChargeOutcome.Status.PROCESSING, DeclineReason.INSUFFICIENT_FUNDS, ChargeOutcome.Status.DECLINED),
	/** A bank debit returned because the account is closed. */
	BANK_ACCOUNT_CLOSED(ChargeOutcome.Status.PROCESSING, DeclineReason.ACCOUNT_CLOSED, ChargeOutcome.Status.DECLINED);

	private static final Map<String, SandboxScenario> CARDS = Map.of("4000000000009995", INSUFFICIENT_FUNDS,
			"4000000000000069", EXPIRED_CARD, "4000000000000002", DECLINED, "4000000000000259", FAILS_LATER,
			"4000000000003220", TIMES_OUT);

	private static final Map<String, SandboxScenario> BANK_ACCOUNTS = Map.of("000111111116", BANK_RETURNED,
			"000111111113", BANK_ACCOUNT_CLOSED);

	final ChargeOutcome.Status immediate;

	final @Nullable DeclineReason reason;

	/** For a processing charge: what it becomes after the delay. */
	final ChargeOutcome.@Nullable Status eventual;

	SandboxScenario(ChargeOutcome.Status immediate, @Nullable DeclineReason reason,
			ChargeOutcome.@Nullable Status eventual) {
		this.immediate = immediate;
		this.reason = reason;
		this.eventual = eventual;
	}

	static SandboxScenario ofCard(String number) {
		return CARDS.getOrDefault(number, APPROVED);
	}

	static SandboxScenario ofBankAccount(String accountNumber) {
		return BANK_ACCOUNTS.getOrDefault(accountNumber, BANK_SETTLES);
	}
}
