package org.portico.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.portico.billing.LedgerRepository.NewEntry;
import org.portico.billing.LedgerRepository.StoredEntry;
import org.portico.catalog.LocalizedText;
import org.portico.customer.ServiceAccountId;
import org.portico.shared.AccountNumber;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing module's façade: an account's statements and ledger, and the postings other modules make
 * (payments received, one-time charges, credits, adjustments). Like the other façades it trusts its
 * callers to have checked access to the account; a statement is only ever found through its account, so
 * asking with the wrong account finds nothing.
 */
@Service
public class BillingManagement {

	private final StatementRepository statements;

	private final LedgerRepository ledger;

	private final BillingAccountRepository accounts;

	private final BillingProperties properties;

	private final Clock clock;

	private final PastDueRepository pastDue;

	private final ApplicationEventPublisher events;

	BillingManagement(StatementRepository statements, LedgerRepository ledger, BillingAccountRepository accounts,
			BillingProperties properties, Clock clock, PastDueRepository pastDue, ApplicationEventPublisher events) {
		this.pastDue = pastDue;
		this.events = events;
		this.statements = statements;
		this.ledger = ledger;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	/** The account's statements, newest first, each with where it stands today. */
	@Transactional(readOnly = true)
	public List<StatementSummary> statements(ServiceAccountId account) {
		List<StatementRecord> records = statements.findByAccount(account);
		List<StoredEntry> entries = ledger.findByAccount(account);
		LocalDate today = LocalDate.now(clock);
		return records.stream()
			.map(record -> new StatementSummary(record.id(), record.cycleStart(), record.cycleEnd(), record.dueDate(),
					Money.ofMinor(record.amountDueMinor(), record.currency()), status(record, entries, today),
					record.paperless()))
			.toList();
	}

	/**
	 * Where the account stands against its latest statement (what the pay page offers as “amount due now”
	 * and “statement balance”); empty before its first statement.
	 */
	@Transactional(readOnly = true)
	public Optional<AmountDue> amountDue(ServiceAccountId account) {
		Optional<StatementRecord> latest = statements.findByAccount(account).stream().findFirst();
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		StatementRecord record = latest.get();
		List<StoredEntry> entries = ledger.findByAccount(account);
		long received = receivedSince(record, entries);
		long balance = entries.stream().mapToLong(StoredEntry::amountMinor).sum();
		var currency = record.currency();
		return Optional.of(new AmountDue(record.id(), record.cycleStart(), record.dueDate(),
				Money.ofMinor(record.amountDueMinor(), currency), Money.ofMinor(received, currency),
				Money.ofMinor(Math.max(0, record.amountDueMinor() - received), currency), Money.ofMinor(balance, currency),
				status(record, entries, LocalDate.now(clock))));
	}

	/**
	 * The account's latest statement with what changed since the one before and where the account stands
	 * against it, from two queries (statements and ledger); empty before its first statement.
	 */
	@Transactional(readOnly = true)
	public Optional<LatestStatement> latestStatement(ServiceAccountId account) {
		List<StatementRecord> records = statements.findByAccount(account);
		if (records.isEmpty()) {
			return Optional.empty();
		}
		List<StoredEntry> entries = ledger.findByAccount(account);
		LocalDate today = LocalDate.now(clock);
		StatementRecord record = records.get(0);
		Statement latest = toStatement(record, entries);
		Statement previous = records.size() > 1 ? toStatement(records.get(1), entries) : null;
		long received = receivedSince(record, entries);
		long balance = entries.stream().mapToLong(StoredEntry::amountMinor).sum();
		var currency = record.currency();
		var due = new AmountDue(record.id(), record.cycleStart(), record.dueDate(),
				Money.ofMinor(record.amountDueMinor(), currency), Money.ofMinor(received, currency),
				Money.ofMinor(Math.max(0, record.amountDueMinor() - received), currency), Money.ofMinor(balance, currency),
				status(record, entries, today));
		StatementSummary before = previous == null ? null
				: new StatementSummary(previous.id(), previous.cycleStart(), previous.cycleEnd(), previous.dueDate(),
						previous.amountDue(), previous.status(), previous.paperless());
		return Optional.of(new LatestStatement(latest, StatementChanges.between(previous, latest), due, before));
	}

	/** One statement of the account; empty when there is none with this ID on this account. */
	@Transactional(readOnly = true)
	public Optional<Statement> statement(ServiceAccountId account, StatementId id) {
		return statements.find(account, id).map(record -> toStatement(record, ledger.findByAccount(account)));
	}

	/** The account's statement issued just before this one, if any: what “what changed” compares with. */
	@Transactional(readOnly = true)
	public Optional<Statement> previousStatement(ServiceAccountId account, StatementId id) {
		List<StatementRecord> records = statements.findByAccount(account);
		for (int i = 0; i < records.size() - 1; i++) {
			if (records.get(i).id().equals(id)) {
				return Optional.of(toStatement(records.get(i + 1), ledger.findByAccount(account)));
			}
		}
		return Optional.empty();
	}

	/** Every ledger entry of the account in date order, each with the balance after it. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> ledger(ServiceAccountId account) {
		var entries = new ArrayList<LedgerEntry>();
		long balance = 0;
		for (StoredEntry entry : ledger.findByAccount(account)) {
			balance += entry.amountMinor();
			var currency = java.util.Currency.getInstance(entry.currency());
			entries.add(new LedgerEntry(entry.id(), account, entry.type(), Money.ofMinor(entry.amountMinor(), currency),
					entry.effectiveOn(), entry.description(), entry.statement(), Money.ofMinor(balance, currency)));
		}
		return entries;
	}

	/** What the account owes now (negative: a credit balance), from the ledger. */
	@Transactional(readOnly = true)
	public Money balance(ServiceAccountId account) {
		return Money.ofMinor(ledger.balanceMinor(account), properties.currency());
	}

	/**
	 * Posts a payment received (settled), to appear on the next statement. Recorded once per
	 * {@code reference}, and posting the same reference again changes nothing.
	 *
	 * @throws InvalidValueException when the amount is not more than zero or in another currency
	 */
	@Transactional
	public void recordPayment(ServiceAccountId account, Money amount, LocalDate receivedOn, String reference,
			LocalizedText description) {
		requirePositive(amount);
		post(account, LedgerEntryType.PAYMENT, amount.minorUnits() * -1, receivedOn, description, reference);
	}

	/**
	 * Posts a one-time charge (installation, a technician visit, a pay-per-view event), billed on the next
	 * statement.
	 */
	@Transactional
	public void addCharge(ServiceAccountId account, Money amount, LocalDate on, LocalizedText description,
			@Nullable String reference) {
		requirePositive(amount);
		post(account, LedgerEntryType.CHARGE, amount.minorUnits(), on, description, reference);
	}

	/** Posts a credit in the customer's favour (goodwill, an outage), shown on the next statement. */
	@Transactional
	public void addCredit(ServiceAccountId account, Money amount, LocalDate on, LocalizedText description,
			@Nullable String reference) {
		requirePositive(amount);
		post(account, LedgerEntryType.CREDIT, -amount.minorUnits(), on, description, reference);
	}

	/**
	 * Starts billing an account from a date: its first statement comes on its first billing day on or
	 * after it, and services that ran before it are taken to have been billed elsewhere (an account
	 * brought over from a previous system). An account billing knows already is left as it is; one that
	 * was never enrolled this way is enrolled by the first billing run (or posting) that sees it.
	 */
	@Transactional
	public void enrol(ServiceAccountId account, LocalDate billedFrom) {
		accounts.lock(account, billedFrom);
	}

	/** Whether the account's statements go out by email only. */
	@Transactional(readOnly = true)
	public boolean isPaperless(ServiceAccountId account) {
		return accounts.find(account).map(BillingAccountRepository.Enrolment::paperless).orElse(false);
	}

	/**
	 * Switches the account to paperless statements or back to paper, from the next statement on. The
	 * caller records the E-SIGN consent the switch to paperless needs.
	 */
	@Transactional
	public void choosePaperless(ServiceAccountId account, boolean paperless) {
		accounts.lock(account, LocalDate.now(clock));
		accounts.updatePaperless(account, paperless);
	}

	/**
	 * Records a customer's online choice of paperless or paper statements (from the next statement on),
	 * with the E-SIGN consent that going paperless needs.
	 */
	@Transactional
	public void choosePaperless(ServiceAccountId account, PaperlessChoice choice) {
		accounts.lock(account, LocalDate.now(clock));
		accounts.updatePaperless(account, choice.paperless());
		accounts.recordPaperlessChoice(account, choice);
	}

	/** Statement dates with paper statements to print, newest first. */
	@Transactional(readOnly = true)
	public List<PrintBatch> printBatches(int limit) {
		return statements.printBatches(limit);
	}

	/**
	 * One page of the paper statements of a statement date, in account-number order, after {@code after}
	 * (null: from the first): the print export reads a batch of thousands a page at a time.
	 */
	@Transactional(readOnly = true)
	public List<Statement> paperStatements(LocalDate statementDate, @Nullable AccountNumber after, int limit) {
		List<StatementRecord> page = statements.findPaper(statementDate, after, limit);
		// one query for the page's ledgers (each statement's status needs its account's entries)
		Map<ServiceAccountId, List<StoredEntry>> entries = ledger
			.after(page.stream().map(StatementRecord::account).toList(), 0)
			.stream()
			.collect(Collectors.groupingBy(StoredEntry::account));
		return page.stream()
			.map(record -> toStatement(record, entries.getOrDefault(record.account(), List.of())))
			.toList();
	}

	private void post(ServiceAccountId account, LedgerEntryType type, long amountMinor, LocalDate on,
			LocalizedText description, @Nullable String reference) {
		Objects.requireNonNull(description, "description");
		if (reference != null && (reference.isBlank() || reference.length() > 64)) {
			throw new InvalidValueException("billing.reference.invalid", "A reference is 1 to 64 characters");
		}
		accounts.lock(account, LocalDate.now(clock));
		if (reference != null && ledger.referenceExists(account, reference)) {
			return;
		}
		ledger.insertAll(List.of(new NewEntry(account, type, amountMinor, properties.currency().getCurrencyCode(), on,
				description, null, reference)));
		events.publishEvent(new LedgerPosted(account, type, on));
	}

	private void requirePositive(Money amount) {
		if (!amount.currency().equals(properties.currency())) {
			throw new InvalidValueException("billing.amount.currency", "Amounts are in " + properties.currency());
		}
		if (amount.isNegative() || amount.isZero()) {
			throw new InvalidValueException("billing.amount.positive", "The amount must be more than zero");
		}
	}

	private Statement toStatement(StatementRecord record, List<StoredEntry> entries) {
		var currency = record.currency();
		return new Statement(record.id(), record.account(), record.accountNumber(), record.cycleStart(),
				record.cycleEnd(), record.dueDate(), Money.ofMinor(record.previousBalanceMinor(), currency),
				Money.ofMinor(record.paymentsAndCreditsMinor(), currency), Money.ofMinor(record.newChargesMinor(), currency),
				Money.ofMinor(record.taxesMinor(), currency), Money.ofMinor(record.amountDueMinor(), currency),
				record.language(), record.paperless(), record.holderName(), record.billTo(), record.serviceAddress(),
				record.lines(), status(record, entries, LocalDate.now(clock)));
	}

	/**
	 * Paid once the payments and credits received since the statement cover its amount due (a later
	 * statement's amount includes an unpaid earlier one, so paying it pays both); otherwise past due the
	 * day after the due date.
	 */
	private static StatementStatus status(StatementRecord record, List<StoredEntry> entries, LocalDate today) {
		long received = receivedSince(record, entries);
		if (record.amountDueMinor() <= 0 || received >= record.amountDueMinor()) {
			return StatementStatus.PAID;
		}
		return today.isAfter(record.dueDate()) ? StatementStatus.PAST_DUE : StatementStatus.OPEN;
	}

	/** Payments, credits and adjustments posted after the statement, net of refunds. */
	private static long receivedSince(StatementRecord record, List<StoredEntry> entries) {
		long received = 0;
		for (StoredEntry entry : entries) {
			if (entry.id() <= record.ledgerWatermark()) {
				continue;
			}
			switch (entry.type()) {
				case PAYMENT, REFUND, ADJUSTMENT -> received -= entry.amountMinor();
				// a credit a later statement posted (its discounts) is part of that statement, not a payment
				case CREDIT -> received -= entry.statement() == null ? entry.amountMinor() : 0;
				default -> {
				}
			}
		}
		return received;
	}

	/**
	 * Posts a refund of (part of) a payment: what the customer owes goes back up by the amount. Recorded
	 * once per {@code reference}, and posting the same reference again changes nothing.
	 *
	 * @throws InvalidValueException when the amount is not more than zero or in another currency
	 */
	@Transactional
	public void recordRefund(ServiceAccountId account, Money amount, LocalDate on, String reference,
			LocalizedText description) {
		requirePositive(amount);
		Objects.requireNonNull(reference, "reference");
		post(account, LedgerEntryType.REFUND, amount.minorUnits(), on, description, reference);
	}

	/**
	 * One page of the past-due accounts on {@code today}, in account ID order after {@code after} (null:
	 * from the first): how dunning walks the whole base in one query a page.
	 */
	@Transactional(readOnly = true)
	public List<PastDue> pastDue(LocalDate today, @Nullable ServiceAccountId after, int limit) {
		return pastDue.page(today, after, limit);
	}

	/** Whether (and since when, by how much) the account is past due on {@code today}. */
	@Transactional(readOnly = true)
	public Optional<PastDue> pastDue(ServiceAccountId account, LocalDate today) {
		return pastDue.of(account, today).stream().findFirst();
	}

	/** Whether (and since when, by how much) the account is past due today. */
	@Transactional(readOnly = true)
	public Optional<PastDue> pastDue(ServiceAccountId account) {
		return pastDue(account, LocalDate.now(clock));
	}
}
