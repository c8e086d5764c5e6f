package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.portico.customer.AccountNumberFormat;
import org.portico.identity.CustomerIdReminders;
import org.portico.shared.AccountNumber;
import org.portico.shared.EmailAddress;
import org.portico.shared.InvalidValueException;
import org.portico.shared.PhoneNumber;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * “Forgot customer ID”: by email, phone, or account number and billing ZIP. The customer ID goes to a
 * contact on file; the page says the same thing, in the same time, whatever was found.
 */
@Controller
class CustomerIdReminderController {

	private static final String ZIP = "\\d{5}(-\\d{4})?";

	private final CustomerIdReminders reminders;

	private final AccountNumberFormat accountNumbers;

	private final MessageSource messages;

	CustomerIdReminderController(CustomerIdReminders reminders, AccountNumberFormat accountNumbers,
			MessageSource messages) {
		this.reminders = reminders;
		this.accountNumbers = accountNumbers;
		this.messages = messages;
	}

	@GetMapping("/recover/customer-id")
	String form(@RequestParam(defaultValue = "email") String by, Model model) {
		model.addAttribute("by", method(by));
		model.addAttribute("errors", Map.of());
		return "identity/recover-customer-id";
	}

	@PostMapping("/recover/customer-id")
	CompletableFuture<String> remind(@RequestParam(defaultValue = "email") String by,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String accountNumber, @RequestParam(defaultValue = "") String zip,
			HttpServletRequest request, Model model) {
		long start = SteadyResponse.start();
		String method = method(by);
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			switch (method) {
				case "phone" -> reminders.byPhone(PhoneNumber.parse(phone));
				case "account" -> {
					AccountNumber number = null;
					try {
						number = accountNumbers.parse(accountNumber);
					}
					catch (InvalidValueException e) {
						errors.put("accountNumber", message(e.messageKey()));
					}
					String zip5 = zip.strip();
					if (zip5.isEmpty()) {
						errors.put("zip", message("registration.zip.required"));
					}
					else if (zip5.length() > 10 || !zip5.matches(ZIP)) {
						errors.put("zip", message("registration.zip.invalid"));
					}
					if (errors.isEmpty() && number != null) {
						reminders.byAccount(number, zip5.substring(0, 5));
					}
				}
				default -> reminders.byEmail(new EmailAddress(email));
			}
		}
		catch (InvalidValueException e) {
			errors.put(method, message(e.messageKey()));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("by", method);
			model.addAttribute("errors", errors);
			model.addAttribute("email", email.length() > 254 ? "" : email);
			model.addAttribute("phone", phone.length() > 40 ? "" : phone);
			model.addAttribute("accountNumber", accountNumber.length() > 40 ? "" : accountNumber);
			model.addAttribute("zip", zip.length() > 10 ? "" : zip);
			return RegistrationController.page(request, start, "identity/recover-customer-id");
		}
		return RegistrationController.page(request, start, "redirect:/recover/customer-id/sent");
	}

	@GetMapping("/recover/customer-id/sent")
	String sent() {
		return "identity/recover-customer-id-sent";
	}

	private static String method(String by) {
		return "phone".equals(by) || "account".equals(by) ? by : "email";
	}

	private String message(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}
}
