package org.portico.notifications;

import java.util.regex.Pattern;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A notice to send: a template (email {@code templates/notifications/email/<template>.html} and
 * {@code .txt}; subject and short text from {@code notifications.<template>.*} in the message bundles)
 * filled with parameters.
 *
 * @param containsSecret the message carries a code or link: its body is redacted once delivered (kept
 *     in demo mode for the demo inbox), and an SMS of it ignores quiet hours
 * @param dedupeKey the same key is enqueued once per channel, however often the cause is replayed
 */
public record Notification(Category category, String template, Recipient recipient, Map<String, Object> parameters,
		boolean containsSecret, @Nullable String dedupeKey) {

	private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

	public Notification {
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(template, "template");
		Objects.requireNonNull(recipient, "recipient");
		parameters = Map.copyOf(parameters);
		if (!TEMPLATE_NAME.matcher(template).matches()) {
			throw new UnknownTemplateException(template);
		}
	}

	public static Notification of(Category category, String template, Recipient recipient,
			Map<String, Object> parameters) {
		return new Notification(category, template, recipient, parameters, false, null);
	}

	public Notification withDedupeKey(String key) {
		return new Notification(category, template, recipient, parameters, containsSecret, key);
	}

	public Notification secret() {
		return new Notification(category, template, recipient, parameters, true, dedupeKey);
	}
}
