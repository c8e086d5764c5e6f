package org.portico.payments.integration;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.portico.payments.PaymentMethodKind;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox gateway's public face, as a processor's would be on its own domain: the hosted-fields
 * script and the tokenisation endpoint it posts card and bank details to. Portico's pages never see those
 * details; they get back a single-use token. Authenticated by the publishable key, not a session, and so
 * exempt from CSRF (there is no session to ride on).
 */
@RestController
@ConditionalOnProperty(name = "portico.payments.gateway", havingValue = "sandbox", matchIfMissing = true)
class SandboxGatewayController {

	private static final Resource SCRIPT = new ClassPathResource("sandbox-gateway/hosted-fields.js");

	private final SandboxGateway gateway;

	SandboxGatewayController(SandboxGateway gateway) {
		this.gateway = gateway;
	}

	@GetMapping(value = "/sandbox-gateway/v1/hosted-fields.js", produces = "text/javascript")
	ResponseEntity<Resource> hostedFields() {
		if (!SCRIPT.exists()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
			.body(SCRIPT);
	}

	/** What the hosted fields send: a card or a bank account (the other fields absent). */
	record TokenRequest(@Nullable String type, @Nullable String number, @Nullable Integer expMonth,
			@Nullable Integer expYear, @Nullable String cvc, @Nullable String postalCode, @Nullable String routingNumber,
			@Nullable String accountNumber, @Nullable String confirmAccountNumber, @Nullable String accountType,
			@Nullable String holderName) {
	}

	@PostMapping(value = "/sandbox-gateway/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> tokenize(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
	@Nullable String authorization, @RequestBody TokenRequest request) {
		String key = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
		if (!gateway.acceptsPublishableKey(key)) {
			return error(HttpStatus.UNAUTHORIZED, "invalid_api_key", null, "The publishable key is not valid.");
		}
		SandboxGateway.Token token;
		try {
			if ("card".equals(request.type())) {
				token = gateway.tokenizeCard(new SandboxGateway.CardDetails(request.number(), request.expMonth(),
						request.expYear(), request.cvc(), request.postalCode()));
			}
			else if ("bank_account".equals(request.type())) {
				token = gateway.tokenizeBankAccount(new SandboxGateway.BankAccountDetails(request.routingNumber(),
						request.accountNumber(), request.confirmAccountNumber(), request.accountType(),
						request.holderName()));
			}
			else {
				return error(HttpStatus.BAD_REQUEST, "invalid_type", "type", "The type is card or bank_account.");
			}
		}
		catch (SandboxGateway.InvalidDetailsException invalid) {
			return error(HttpStatus.BAD_REQUEST, invalid.code, invalid.field, invalid.getMessage());
		}
		var body = new LinkedHashMap<String, Object>();
		body.put("id", token.id());
		if (token.kind() == PaymentMethodKind.CARD) {
			body.put("type", "card");
			body.put("card", Map.of("brand", token.brand(), "last4", token.last4(), "expMonth", token.expMonth(),
					"expYear", token.expYear()));
		}
		else {
			body.put("type", "bank_account");
			body.put("bankAccount", Map.of("bankName", token.bankName(), "routingNumber", token.routingNumber(), "last4",
					token.last4(), "accountType", token.accountType()));
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable() {
		return error(HttpStatus.BAD_REQUEST, "invalid_request", null, "The request is not valid JSON.");
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, @Nullable String field,
			String message) {
		var error = new LinkedHashMap<String, Object>();
		error.put("code", code);
		if (field != null) {
			error.put("field", field);
		}
		error.put("message", message);
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(Map.of("error", error));
	}
}
