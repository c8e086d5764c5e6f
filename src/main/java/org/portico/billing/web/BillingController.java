package org.portico.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.portico.billing.BillingManagement;
import org.portico.billing.LedgerEntry;
import org.portico.billing.Statement;
import org.portico.billing.StatementChanges;
import org.portico.billing.StatementId;
import org.portico.billing.StatementStatus;
import org.portico.billing.StatementSummary;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.identity.AccountAccess;
import org.portico.identity.Permission;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The customer's billing pages for the current account: the statements list with the balance, one
 * statement laid out as a bill with what changed since the one before, and the ledger. Every household
 * role may read them. A statement is looked up through the current account only, so another account's
 * statement, an unknown ID and a malformed one all answer “not found” alike.
 */
@Controller
class BillingController {

	private final AccountAccess access;

	private final BillingManagement billing;

	private final CustomerManagement customers;

	private final MessageSource messages;

	BillingController(AccountAccess access, BillingManagement billing, CustomerManagement customers,
			MessageSource messages) {
		this.access = access;
		this.billing = billing;
		this.customers = customers;
		this.messages = messages;
	}

	@GetMapping("/billing")
	String statements(Model model) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.VIEW_ACCOUNT);
		List<StatementSummary> statements = billing.statements(account);
		model.addAttribute("account", account(account));
		model.addAttribute("statements", statements);
		model.addAttribute("latest", statements.isEmpty() ? null : statements.get(0));
		model.addAttribute("balance", billing.balance(account));
		model.addAttribute("pastDue", statements.stream().anyMatch(s -> s.status() == StatementStatus.PAST_DUE));
		model.addAttribute("signed", new Signed());
		model.addAttribute("paperless", billing.isPaperless(account));
		model.addAttribute("mayPay",
				access.roleOn(account).map(role -> role.allows(Permission.MAKE_PAYMENT)).orElse(false));
		model.addAttribute("mayChoosePaperless",
				access.roleOn(account).map(role -> role.allows(Permission.CHANGE_ACCOUNT_DETAILS)).orElse(false));
		model.addAttribute("maySeePaymentMethods",
				access.roleOn(account).map(role -> role.allows(Permission.MAKE_PAYMENT)).orElse(false));
		return "billing/statements";
	}

	@GetMapping("/billing/statements/{id}")
	String statement(@PathVariable String id, Model model) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.VIEW_ACCOUNT);
		StatementId statementId = parse(id).orElseThrow(StatementNotFound::new);
		Statement statement = billing.statement(account, statementId).orElseThrow(StatementNotFound::new);
		Language language = Language.of(LocaleContextHolder.getLocale());
		StatementChanges changes = StatementChanges
			.between(billing.previousStatement(account, statementId).orElse(null), statement);
		model.addAttribute("account", account(account));
		model.addAttribute("view", StatementView.of(statement, language));
		model.addAttribute("statement", statement);
		model.addAttribute("changes", changes);
		model.addAttribute("changeViews", ChangeView.of(changes, language, dates()));
		model.addAttribute("signed", new Signed());
		return "billing/statement";
	}

	@GetMapping("/billing/ledger")
	String ledger(Model model) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.VIEW_ACCOUNT);
		List<LedgerEntry> entries = new ArrayList<>(billing.ledger(account));
		Collections.reverse(entries);
		Map<StatementId, LocalDate> statementDates = new HashMap<>();
		billing.statements(account).forEach(s -> statementDates.put(s.id(), s.statementDate()));
		model.addAttribute("account", account(account));
		model.addAttribute("entries", entries);
		model.addAttribute("statementDates", statementDates);
		model.addAttribute("balance", billing.balance(account));
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		model.addAttribute("signed", new Signed());
		return "billing/ledger";
	}

	/** Not the 400 a malformed value gets elsewhere: a statement address either exists for this account or not. */
	@ExceptionHandler(StatementNotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	private ServiceAccount account(ServiceAccountId id) {
		return customers.find(id).orElseThrow(() -> new UnknownServiceAccountException(id));
	}

	private static Optional<StatementId> parse(String id) {
		try {
			return Optional.of(StatementId.parse(id));
		}
		catch (InvalidValueException malformed) {
			return Optional.empty();
		}
	}

	private DateTimeFormatter dates() {
		Locale locale = LocaleContextHolder.getLocale();
		return DateTimeFormatter.ofPattern(messages.getMessage("format.date", null, "MMM d, yyyy", locale), locale);
	}

	/** No statement with this ID on the current account (or no statement ID at all). */
	static final class StatementNotFound extends RuntimeException {

		StatementNotFound() {
			super("No such statement on the current account", null, false, false);
		}
	}

	/** The template's way to show amounts with a real minus sign. */
	static final class Signed {

		public String of(org.portico.shared.Money amount) {
			return StatementView.signed(amount);
		}

		public String badge(StatementStatus status) {
			return switch (status) {
				case PAID -> "text-bg-success";
				case OPEN -> "text-bg-secondary";
				case PAST_DUE -> "text-bg-danger";
			};
		}
	}
}
