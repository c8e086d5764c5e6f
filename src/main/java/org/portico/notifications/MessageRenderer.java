package org.portico.notifications;

import java.util.HashMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.portico.shared.Language;
import org.portico.shared.ProviderProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Renders a template in the recipient's language with the provider's branding: the email's HTML
 * ({@code templates/notifications/<template>.html}) and plain text ({@code <template>.txt}), the short text
 * for SMS and the notification centre ({@code <template>-short.txt}), and the subject from the message
 * bundles ({@code notifications.<template>.subject}, which may use {@code [[${...}]]}).
 */
@Component
class MessageRenderer {

	private static final String PREFIX = "templates/notifications/";

	private final SpringTemplateEngine files = new SpringTemplateEngine();

	private final SpringTemplateEngine strings = new SpringTemplateEngine();

	private final MessageSource messages;

	private final ProviderProperties provider;

	private final NotificationsProperties properties;

	private final Map<String, Boolean> known = new ConcurrentHashMap<>();

	MessageRenderer(MessageSource messages, ProviderProperties provider, NotificationsProperties properties) {
		this.messages = messages;
		this.provider = provider;
		this.properties = properties;
		files.setTemplateResolvers(resolvers());
		files.setTemplateEngineMessageSource(messages);
		var inline = new StringTemplateResolver();
		inline.setTemplateMode(TemplateMode.TEXT);
		inline.setCacheable(false);
		strings.setTemplateResolver(inline);
		strings.setTemplateEngineMessageSource(messages);
	}

	/**
	 * @param shortText the text message: starts with the provider's name, as carriers require
	 * @param inAppText the same short text for the notification centre, where the sender is obvious
	 */
	record Rendered(String subject, String text, String html, String shortText, String inAppText) {
	}

	/** @throws UnknownTemplateException when the template's files or subject are missing */
	Rendered render(String template, Language language, Map<String, Object> parameters) {
		return render(template, language, parameters, EnumSet.allOf(Channel.class));
	}

	/**
	 * Renders what the given channels need (an email: subject, text and HTML; a text message: the short
	 * text; the notification centre: the short text without the sender), leaving the rest empty: most
	 * notices go to one or two channels, and rendering is most of what sending a notice costs.
	 *
	 * @throws UnknownTemplateException when the template's files or subject are missing
	 */
	Rendered render(String template, Language language, Map<String, Object> parameters, Set<Channel> channels) {
		requireKnown(template);
		var context = new Context(language.locale(), variables(language, parameters));
		String subjectPattern = messages.getMessage("notifications." + template + ".subject", null, language.locale());
		String subject = strings.process(subjectPattern, context).strip();
		String text = "";
		String html = "";
		if (channels.contains(Channel.EMAIL)) {
			text = files.process(template + ".txt", context).strip();
			html = files.process(template + ".html", context);
		}
		String sms = "";
		if (channels.contains(Channel.SMS)) {
			context.setVariable("sms", true);
			sms = files.process(template + "-short.txt", context).strip();
		}
		String inApp = "";
		if (channels.contains(Channel.IN_APP)) {
			context.setVariable("sms", false);
			inApp = files.process(template + "-short.txt", context).strip();
		}
		return new Rendered(subject, text, html, sms, inApp);
	}

	void requireKnown(String template) {
		boolean exists = known.computeIfAbsent(template, name -> {
			boolean files = new ClassPathResource(PREFIX + name + ".html").exists()
					&& new ClassPathResource(PREFIX + name + ".txt").exists()
					&& new ClassPathResource(PREFIX + name + "-short.txt").exists();
			try {
				messages.getMessage("notifications." + name + ".subject", null, Language.EN_US.locale());
				return files;
			}
			catch (NoSuchMessageException e) {
				return false;
			}
		});
		if (!exists) {
			throw new UnknownTemplateException(template);
		}
	}

	private Map<String, Object> variables(Language language, Map<String, Object> parameters) {
		Map<String, @Nullable Object> variables = new HashMap<>(parameters);
		variables.put("provider", provider);
		variables.put("supportHours", provider.supportHours().in(language));
		variables.put("portalUrl", properties.portalUrl());
		variables.put("lang", language.tag());
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) (Map<String, ?>) variables;
		return result;
	}

	private static java.util.Set<org.thymeleaf.templateresolver.ITemplateResolver> resolvers() {
		return java.util.Set.of(resolver("*.html", TemplateMode.HTML, 1), resolver("*.txt", TemplateMode.TEXT, 2));
	}

	private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix(PREFIX);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setResolvablePatterns(java.util.Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}
}
