package org.portico.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.identity.AccountAccessDeniedException;
import org.portico.identity.NoGrantException;
import org.portico.shared.InvalidValueException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps the domain's refusals to HTTP statuses for pages; {@link ErrorPages} then renders them. An
 * account the login holds no grant on is “not found” (404), so its existence is not revealed.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ExceptionPages {

	@ExceptionHandler({ NoGrantException.class, UnknownServiceAccountException.class })
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(AccountAccessDeniedException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	@ExceptionHandler({ InvalidValueException.class, MethodArgumentTypeMismatchException.class })
	void badRequest(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}
}
