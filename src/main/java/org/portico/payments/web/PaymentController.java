package org.portico.payments.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.customer.ServiceAccountId;
import org.portico.identity.AccountAccess;
import org.portico.identity.Permission;
import org.portico.payments.Payment;
import org.portico.payments.PaymentMethod;
import org.portico.payments.PaymentMethodId;
import org.portico.payments.PaymentMethods;
import org.portico.payments.PaymentOptions;
import org.portico.payments.PaymentRejectedException;
import org.portico.payments.PaymentRequest;
import org.portico.payments.Payments;
import org.portico.payments.integration.PaymentGateway;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Money;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Paying a bill: choose an amount (amount due now, the statement balance, or another amount within the
 * bounds) and a way to pay (a saved method, or a card entered for this payment only through the gateway's
 * hosted fields), review, confirm, and get a receipt. Owners and managers may pay; every household role may
 * read the payment history and receipts. Each pay form carries a fresh idempotency key: however often the
 * confirmation is submitted, it is one payment.
 */
@Controller
class PaymentController {

	static final String NEW_CARD = "new-card";

	private final AccountAccess access;

	private final Payments payments;

	private final PaymentMethods methods;

	private final PaymentGateway gateway;

	private final CustomerManagement customers;

	private final java.time.Clock clock;

	PaymentController(AccountAccess access, Payments payments, PaymentMethods methods, PaymentGateway gateway,
			CustomerManagement customers, java.time.Clock clock) {
		this.access = access;
		this.payments = payments;
		this.methods = methods;
		this.gateway = gateway;
		this.customers = customers;
		this.clock = clock;
	}

	/** What the pay form was filled with; every field may be missing or malformed. */
	record PayForm(@Nullable String key, @Nullable String amountChoice, @Nullable String otherAmount,
			@Nullable String method, @Nullable String token, @Nullable String cardSummary) {
	}

	@GetMapping("/payments/pay")
	String payForm(Model model) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.MAKE_PAYMENT);
		PaymentOptions options = payments.options(account);
		String choice = options.amountDueNow().minorUnits() > 0 ? "due-now" : "other";
		String method = methods.defaultMethod(account)
			.filter(m -> !m.isExpiredOn(java.time.LocalDate.now(clock)))
			.map(m -> m.id().toString())
			.orElse(NEW_CARD);
		return showForm(model, account, options,
				new PayForm(UUID.randomUUID().toString(), choice, null, method, null, null), null, null, null);
	}

	@PostMapping("/payments/pay/review")
	String review(PayForm form, Model model) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.MAKE_PAYMENT);
		PaymentOptions options = payments.options(account);
		Checked checked = check(account, options, form);
		if (checked.amountError != null || checked.methodError != null) {
			return showForm(model, account, options, form, checked.amountError, checked.methodError, null);
		}
		model.addAttribute("account", account(account));
		model.addAttribute("form", form);
		model.addAttribute("amount", checked.amount);
		model.addAttribute("method", checked.method);
		model.addAttribute("oneTimeCard", oneTimeCard(form.cardSummary()));
		model.addAttribute("options", options);
		model.addAttribute("today", java.time.LocalDate.now(clock));
		return "payments/review";
	}

	@PostMapping("/payments/pay")
	String pay(PayForm form, Model model) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.MAKE_PAYMENT);
		PaymentOptions options = payments.options(account);
		if (form.key() != null) {
			// a second submission of a form already paid (a double click, a retry) shows that payment
			Optional<Payment> made = payments.madeWith(account, form.key());
			if (made.isPresent()) {
				return "redirect:/payments/receipts/" + made.get().receiptNumber();
			}
		}
		Checked checked = check(account, options, form);
		if (checked.amountError != null || checked.methodError != null) {
			return showForm(model, account, options, form, checked.amountError, checked.methodError, null);
		}
		try {
			Payment payment = payments.pay(new PaymentRequest(account, String.valueOf(form.key()),
					java.util.Objects.requireNonNull(checked.amount),
					checked.method == null ? null : checked.method.id(),
					checked.method == null ? form.token() : null, access.requireLogin().id()));
			return "redirect:/payments/receipts/" + payment.receiptNumber();
		}
		catch (PaymentRejectedException rejected) {
			// nothing was recorded or charged: the same form (and key) may be sent again once put right
			String key = "payments.error." + rejected.code();
			boolean aboutAmount = rejected.code().startsWith("amount_");
			return showForm(model, account, payments.options(account),
					new PayForm(form.key(), form.amountChoice(), form.otherAmount(), form.method(), null, null),
					aboutAmount ? key : null, aboutAmount ? null : key, null);
		}
	}

	/** Back from the review step to the form, as it was filled (the one-time card is entered again). */
	@PostMapping("/payments/pay/edit")
	String edit(PayForm form, Model model) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.MAKE_PAYMENT);
		String key = form.key() != null && form.key().matches("[A-Za-z0-9-]{16,64}") ? form.key()
				: UUID.randomUUID().toString();
		String method = form.method() == null || form.method().isBlank() ? NEW_CARD : form.method();
		return showForm(model, account, payments.options(account),
				new PayForm(key, form.amountChoice(), form.otherAmount(), method, null, null), null, null, null);
	}

	@GetMapping("/payments/receipts/{receipt}")
	String receipt(@PathVariable String receipt, Model model) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.VIEW_ACCOUNT);
		Payment payment = payments.receipt(account, receipt).orElseThrow(ReceiptNotFound::new);
		model.addAttribute("account", account(account));
		model.addAttribute("payment", payment);
		model.addAttribute("options", payments.options(account));
		model.addAttribute("mayPay", access.roleOn(account).map(r -> r.allows(Permission.MAKE_PAYMENT)).orElse(false));
		return "payments/receipt";
	}

	@GetMapping("/payments/history")
	String history(Model model) {
		ServiceAccountId account = access.requireCurrentAccount(Permission.VIEW_ACCOUNT);
		model.addAttribute("account", account(account));
		model.addAttribute("payments", payments.history(account));
		model.addAttribute("options", payments.options(account));
		model.addAttribute("mayPay", access.roleOn(account).map(r -> r.allows(Permission.MAKE_PAYMENT)).orElse(false));
		return "payments/history";
	}

	/** A receipt either exists on this account or not: another account's answers exactly like an unknown one. */
	@ExceptionHandler(ReceiptNotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	static final class ReceiptNotFound extends RuntimeException {
	}

	private String showForm(Model model, ServiceAccountId account, PaymentOptions options, PayForm form,
			@Nullable String amountError, @Nullable String methodError, @Nullable String flashError) {
		List<PaymentMethod> saved = methods.methods(account);
		model.addAttribute("account", account(account));
		model.addAttribute("options", options);
		model.addAttribute("methods", saved);
		model.addAttribute("today", java.time.LocalDate.now(clock));
		model.addAttribute("form", form);
		model.addAttribute("amountError", amountError);
		model.addAttribute("methodError", methodError);
		model.addAttribute("flashError", flashError);
		model.addAttribute("hostedFields", gateway.hostedFields());
		model.addAttribute("mayManageMethods",
				access.roleOn(account).map(r -> r.allows(Permission.MANAGE_PAYMENT_METHODS)).orElse(false));
		return "payments/pay";
	}

	/** The form checked against the account: an amount within bounds and a usable way to pay, or why not. */
	private Checked check(ServiceAccountId account, PaymentOptions options, PayForm form) {
		Money amount = null;
		String amountError = null;
		String choice = form.amountChoice() == null ? "" : form.amountChoice();
		switch (choice) {
			case "due-now" -> amount = options.amountDueNow();
			case "statement" -> amount = options.statementBalance();
			case "past-due" -> amount = options.pastDue();
			case "other" -> {
				var parsed = PaymentAmount.parse(form.otherAmount(), options.minimum().currency());
				amount = parsed.amount();
				amountError = parsed.errorKey();
			}
			default -> amountError = "payments.amount.choose";
		}
		if (amountError == null && amount != null) {
			if (amount.compareTo(options.minimum()) < 0) {
				amountError = "payments.error.amount_below_minimum";
			}
			else if (amount.compareTo(options.maximum()) > 0) {
				amountError = "payments.error.amount_above_maximum";
			}
		}
		PaymentMethod method = null;
		String methodError = null;
		if (form.method() == null || form.method().isBlank()) {
			methodError = "payments.method.choose";
		}
		else if (form.method().equals(NEW_CARD)) {
			if (form.token() == null || form.token().isBlank() || form.token().length() > 100) {
				methodError = "payments.method.card-missing";
			}
		}
		else {
			try {
				method = methods.find(account, PaymentMethodId.parse(form.method())).orElse(null);
			}
			catch (InvalidValueException malformed) {
				method = null;
			}
			if (method == null) {
				methodError = "payments.error.method_missing";
			}
			else if (method.isExpiredOn(java.time.LocalDate.now(clock))) {
				methodError = "payments.error.method_expired";
			}
		}
		if (form.key() == null || !form.key().matches("[A-Za-z0-9-]{16,64}")) {
			methodError = "payments.error.form_invalid";
		}
		return new Checked(amountError == null ? amount : null, method, amountError, methodError);
	}

	/** The card the hosted fields just tokenised, as they described it: brand and last four, if well formed. */
	private static java.util.@Nullable List<String> oneTimeCard(@Nullable String summary) {
		if (summary == null) {
			return null;
		}
		var match = java.util.regex.Pattern.compile("(visa|mastercard|amex|discover) (\\d{4})").matcher(summary.strip());
		return match.matches() ? List.of(match.group(1), match.group(2)) : null;
	}

	private ServiceAccount account(ServiceAccountId id) {
		return customers.find(id).orElseThrow();
	}

	private record Checked(@Nullable Money amount, @Nullable PaymentMethod method, @Nullable String amountError,
			@Nullable String methodError) {
	}
}
