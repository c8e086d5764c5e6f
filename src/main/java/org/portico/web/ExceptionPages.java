package org.portico.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.portico.customer.UnknownServiceAccountException;
import org.portico.identity.AccountAccessDeniedException;
import org.portico.identity.NoGrantException;
import org.portico.identity.ReauthenticationRequiredException;
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

	/**
	 * A sensitive action without a recent password: to the re-authentication page, which comes back here
	 * (the page of a form that was posted). htmx requests are redirected by htmx itself.
	 */
	@ExceptionHandler(ReauthenticationRequiredException.class)
	void reauthenticate(ReauthenticationRequiredException required, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String next = required.returnTo().orElseGet(() -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return "GET".equals(request.getMethod()) && request.getQueryString() != null
					? path + "?" + request.getQueryString() : path;
		});
		String target = request.getContextPath() + "/reauthenticate?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", target);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		response.sendRedirect(target);
	}
}
