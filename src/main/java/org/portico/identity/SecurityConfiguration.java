package org.portico.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.portico.identity.throttling.SignInThrottle;
import org.portico.identity.throttling.SignInThrottleFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may reach what. Pages need a signed-in login except sign-in itself, static assets, health, the
 * API description and the demo inbox (demo mode only); {@code /api/v1} has no endpoints or authentication
 * yet and answers with problem details. CSRF protection is on for every form (not for Twilio's SMS
 * webhook, which checks Twilio's signature); no page may be framed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/** Session attribute remembering what was typed in “Email or customer ID” after a failed sign-in. */
	static final String LAST_USERNAME_ATTRIBUTE = "portico.lastUsername";

	static final String[] PUBLIC_PATHS = { "/", "/login", "/register", "/register/**", "/recover/**",
			// the strength meter of every password field, registration and recovery included (CSRF still applies)
			"/password/strength",
			// a new email is confirmed from a link that works signed in or not (the browser that asked)
			"/settings/email/confirm", "/error", "/error/**", "/theme.css", "/favicon.ico", "/favicon.svg", "/css/**", "/js/**",
			"/images/**", "/webjars/**", "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
			// the demo inbox: its controller answers 404 unless demo mode is on
			"/demo/**",
			// Twilio's inbound-text webhook: it checks Twilio's signature itself
			SecurityConfiguration.SMS_WEBHOOK,
			// the sandbox payment gateway's hosted-fields script and tokenisation endpoint (it checks its
			// publishable key itself), standing in for a processor on its own domain
			"/sandbox-gateway/**" };

	/**
	 * Twilio's inbound-text webhook (notifications): called by Twilio, not a browser, so it has no session
	 * and no CSRF token; it authenticates every request by Twilio's signature instead.
	 */
	static final String SMS_WEBHOOK = "/webhooks/sms/twilio";

	/**
	 * The sandbox gateway's tokenisation endpoint: a processor's API, called by its hosted fields with the
	 * publishable key, not a session (payments' sandbox gateway).
	 */
	static final String SANDBOX_TOKENS = "/sandbox-gateway/v1/tokens";

	/** The one page that may be framed (by this origin only): an email's HTML part in the demo inbox. */
	static final String FRAMEABLE_PATH = "/demo/inbox/*/html";

	@Bean
	CookieSerializer cookieSerializer() {
		return new SessionCookieSerializer();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		// No API endpoints or API authentication before the mobile-API issue (DECISIONS.md "Scope").
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, SignInService signIn, PasswordEncoder passwordEncoder,
			LocaleResolver localeResolver, SecurityActivity activity, KnownDevices devices,
			SignInThrottle throttle, PlatformTransactionManager transactions) throws Exception {
		var provider = new DaoAuthenticationProvider(signIn);
		provider.setPasswordEncoder(passwordEncoder);
		http.authenticationProvider(provider)
			.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
				.permitAll()
				.anyRequest()
				.authenticated())
			.csrf(csrf -> csrf.ignoringRequestMatchers(SMS_WEBHOOK, SANDBOX_TOKENS))
			.addFilterBefore(new SignInInputLimitFilter(), UsernamePasswordAuthenticationFilter.class)
			// after the input limit, before any password hashing: throttled attempts cost no Argon2 work
			.addFilterBefore(new SignInThrottleFilter(throttle, signIn::loginIdFor, devices, activity),
					UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("username")
				.passwordParameter("password")
				.successHandler(new SignedInHandler(localeResolver, activity, devices, throttle,
						new TransactionTemplate(transactions)))
				.failureHandler(new SignInFailedHandler(signIn, activity, throttle))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
			.exceptionHandling(handling -> handling.accessDeniedHandler(new RecordingAccessDeniedHandler(activity)))
			.headers(headers -> headers.frameOptions(frame -> frame.disable()).addHeaderWriter(frameOptions()));
		return http.build();
	}

	/** No page may be framed, except an email's HTML part by the demo inbox's own message page. */
	private static HeaderWriter frameOptions() {
		RequestMatcher frameable = PathPatternRequestMatcher.withDefaults().matcher(FRAMEABLE_PATH);
		return (request, response) -> response.setHeader("X-Frame-Options",
				frameable.matches(request) ? "SAMEORIGIN" : "DENY");
	}

	/**
	 * A missing or tampered CSRF token (a forged form, a replayed request) is refused with the 403 page, as
	 * Spring Security does, and recorded in the security log with the path (never the token).
	 */
	private static final class RecordingAccessDeniedHandler implements AccessDeniedHandler {

		private final AccessDeniedHandlerImpl delegate = new AccessDeniedHandlerImpl();

		private final SecurityActivity activity;

		RecordingAccessDeniedHandler(SecurityActivity activity) {
			this.activity = activity;
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response,
				AccessDeniedException denied) throws IOException, jakarta.servlet.ServletException {
			if (denied instanceof CsrfException) {
				LoginId login = null;
				var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
					.getAuthentication();
				if (authentication != null && authentication.getPrincipal() instanceof CurrentLogin current) {
					login = current.id();
				}
				String path = request.getRequestURI();
				activity.record(login, SecurityEventType.REQUEST_REJECTED, ClientInfo.of(request),
						"CSRF token missing or invalid: " + request.getMethod() + " "
								+ (path.length() > 100 ? path.substring(0, 100) : path));
			}
			delegate.handle(request, response, denied);
		}
	}

	/** After sign-in: the page asked for before, else the dashboard; in the login's own language. */
	private static final class SignedInHandler extends SavedRequestAwareAuthenticationSuccessHandler {

		private final LocaleResolver localeResolver;

		private final SecurityActivity activity;

		private final KnownDevices devices;

		private final SignInThrottle throttle;

		private final TransactionTemplate transaction;

		SignedInHandler(LocaleResolver localeResolver, SecurityActivity activity, KnownDevices devices,
				SignInThrottle throttle, TransactionTemplate transaction) {
			this.localeResolver = localeResolver;
			this.activity = activity;
			this.devices = devices;
			this.throttle = throttle;
			this.transaction = transaction;
			setDefaultTargetUrl("/dashboard");
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException, jakarta.servlet.ServletException {
			var session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(LAST_USERNAME_ATTRIBUTE);
			}
			if (authentication.getPrincipal() instanceof CurrentLogin login) {
				localeResolver.setLocale(request, response, java.util.Locale.forLanguageTag(login.language()));
				ClientInfo client = ClientInfo.of(request);
				org.portico.identity.session.SessionClients.of(request).signedIn(request, client);
				// one transaction (one commit) for the sign-in's bookkeeping: it is on every sign-in's path
				transaction.executeWithoutResult(status -> {
					throttle.recordSuccess(login.id(), SignInThrottleFilter.sourceIp(request));
					boolean signedInBefore = activity.hasAny(login.id(), SecurityEventType.SIGNED_IN);
					activity.record(login.id(), SecurityEventType.SIGNED_IN, client, null);
					if (devices.remember(login.id(), request, response) && signedInBefore) {
						activity.record(login.id(), SecurityEventType.NEW_DEVICE, client, null);
						org.portico.identity.session.SessionClients.of(request).newDevice(login.id(), client, request,
								response);
					}
				});
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}
	}

	/** Back to the sign-in page with the reason, keeping what was typed as the identifier. */
	private static final class SignInFailedHandler implements AuthenticationFailureHandler {

		private final SimpleUrlAuthenticationFailureHandler delegate = new SimpleUrlAuthenticationFailureHandler(
				"/login?error");

		private final SignInService signIn;

		private final SecurityActivity activity;

		private final SignInThrottle throttle;

		SignInFailedHandler(SignInService signIn, SecurityActivity activity, SignInThrottle throttle) {
			this.signIn = signIn;
			this.activity = activity;
			this.throttle = throttle;
		}

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
			String username = request.getParameter("username");
			if (username == null || username.length() <= SignInInputLimitFilter.MAX_USERNAME_LENGTH) {
				String identifier = SignInThrottleFilter.identifier(request);
				LoginId login = signIn.loginIdFor(identifier).orElse(null);
				ClientInfo client = ClientInfo.of(request);
				if (username != null) {
					request.getSession().setAttribute(LAST_USERNAME_ATTRIBUTE, identifier);
				}
				activity.record(login, SecurityEventType.SIGN_IN_FAILED, client, null);
				// only failures count towards throttling (DECISIONS.md "Security mechanics")
				throttle.recordFailure(SignInThrottle.Subject.of(identifier, login), SignInThrottleFilter.sourceIp(request),
						client);
			}
			delegate.onAuthenticationFailure(request, response, exception);
		}
	}
}
