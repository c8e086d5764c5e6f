package org.portico.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.portico.shared.web.CorrelationIdFilter;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the container sees ends here: pages get a page that explains what happened and what to do,
 * with the correlation ID to quote to support; {@code /api/} paths and clients that do not want HTML get
 * RFC 9457 problem details. Never a stack trace or an exception message.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

	private final LayoutInterceptor layout;

	private final JsonMapper json;

	ErrorPages(LayoutInterceptor layout, JsonMapper json) {
		this.layout = layout;
		this.json = json;
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	@Nullable
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		if (isApi(request)) {
			// A browser navigating to an API path still gets the API's answer, whatever it accepts.
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream().write(json.writeValueAsBytes(body(problem(request).getBody())));
			return null;
		}
		Map<String, Object> model = new HashMap<>();
		layout.addLayout(request, model);
		model.put("status", status.value());
		String view = switch (status.value()) {
			case 400, 403, 404, 405 -> "error/" + status.value();
			default -> status.is4xxClientError() ? "error/4xx" : "error/500";
		};
		return new ModelAndView(view, model, status);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		var problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("https://portico.example/problems/" + switch (status.value()) {
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 401 -> "unauthenticated";
			case 403 -> "forbidden";
			default -> status.is4xxClientError() ? "bad-request" : "server-error";
		}));
		problem.setTitle(status.getReasonPhrase());
		problem.setDetail(switch (status.value()) {
			case 404 -> "There is nothing at this address.";
			case 405 -> "This address does not accept that method.";
			default -> status.is4xxClientError() ? "The request could not be accepted."
					: "Something went wrong on our side. Quote the correlation ID to support.";
		});
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path instanceof String uri) {
			problem.setInstance(URI.create(uri.replaceAll("[^A-Za-z0-9/._~-]", "_")));
		}
		problem.setProperty("correlationId", CorrelationIdFilter.of(request));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** The problem as RFC 9457 spells it: standard members, then extension members at the top level. */
	private static Map<String, Object> body(@Nullable ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (problem == null) {
			return body;
		}
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

	private static boolean isApi(HttpServletRequest request) {
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return path instanceof String uri && uri.startsWith("/api/");
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}
}
