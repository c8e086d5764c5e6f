package org.portico.billing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.portico.billing.BillingManagement;
import org.portico.billing.Statement;
import org.portico.billing.StatementId;
import org.portico.billing.document.StatementPdf;
import org.portico.identity.AccountAccess;
import org.portico.identity.Permission;
import org.portico.shared.InvalidValueException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A statement of the current account as a PDF download. The path {@code /billing/statements/{id}.pdf} is
 * more specific than the statement page's {@code /billing/statements/{id}} (same number of variables, a
 * longer literal part), so Spring MVC routes every {@code .pdf} here, malformed IDs included. A malformed
 * ID and another account's statement both answer 404, so that nothing tells whether a statement exists.
 */
@Controller
class StatementPdfController {

	private final AccountAccess access;

	private final BillingManagement billing;

	private final StatementPdf pdf;

	StatementPdfController(AccountAccess access, BillingManagement billing, StatementPdf pdf) {
		this.access = access;
		this.billing = billing;
		this.pdf = pdf;
	}

	@GetMapping("/billing/statements/{id}.pdf")
	ResponseEntity<byte[]> download(@PathVariable String id) {
		var account = access.requireCurrentAccount(Permission.VIEW_ACCOUNT);
		Statement statement = billing.statement(account, StatementId.parse(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String filename = "statement-" + statement.accountNumber().digits() + "-" + statement.statementDate() + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(pdf.render(statement));
	}

	/** A malformed statement ID is a statement that does not exist (not a bad request, as elsewhere). */
	@ExceptionHandler(InvalidValueException.class)
	void malformedId(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}
}
