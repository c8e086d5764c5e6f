package org.portico.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a request came from, as the security log records it: the client address (the real one behind a
 * trusted proxy: Tomcat's remote-IP handling), the browser's User-Agent (truncated) and the approximate
 * place when an IP-location database is configured.
 */
public record ClientInfo(@Nullable String ip, @Nullable String userAgent, @Nullable String place) {

	public static ClientInfo of(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		if (agent != null && agent.length() > 300) {
			agent = agent.substring(0, 300);
		}
		return new ClientInfo(request.getRemoteAddr(), agent, null);
	}
}
