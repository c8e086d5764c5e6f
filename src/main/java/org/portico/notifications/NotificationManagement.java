package org.portico.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.portico.customer.CustomerManagement;
import org.portico.customer.Person;
import org.portico.identity.IdentityManagement;
import org.portico.identity.Login;
import org.portico.identity.LoginId;
import org.portico.shared.EmailAddress;
import org.portico.shared.InvalidValueException;
import org.portico.shared.Language;
import org.portico.shared.PhoneNumber;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications façade. {@link #send} renders a notice and stores one outbox row per channel the
 * recipient gets it on, in the caller's transaction: if the caller rolls back, nothing is sent; once it
 * commits, the delivery job sends it. The notification centre, preferences and SMS consent live here too.
 */
@Service
public class NotificationManagement {

	private final OutboxRepository outbox;

	private final PreferenceRepository preferences;

	private final MessageRenderer renderer;

	private final IdentityManagement identity;

	private final CustomerManagement customers;

	private final Clock clock;

	NotificationManagement(OutboxRepository outbox, PreferenceRepository preferences, MessageRenderer renderer,
			IdentityManagement identity, CustomerManagement customers, Clock clock) {
		this.outbox = outbox;
		this.preferences = preferences;
		this.renderer = renderer;
		this.identity = identity;
		this.customers = customers;
		this.clock = clock;
	}

	/**
	 * Enqueues the notice on every channel the recipient's preferences allow (a bare address: that channel
	 * only). Returns the stored messages; none when every channel is off or a replay hit the dedupe key.
	 *
	 * @throws UnknownTemplateException for a template that does not exist
	 */
	@Transactional
	public List<MessageId> send(Notification notification) {
		renderer.requireKnown(notification.template());
		Target target = resolve(notification.recipient(), notification.containsSecret());
		Category category = notification.category();
		UUID login = target.login() == null ? null : target.login().value();
		UUID person = target.person();
		var channels = EnumSet.noneOf(Channel.class);
		if (target.email() != null && target.allows(category, Channel.EMAIL)) {
			channels.add(Channel.EMAIL);
		}
		if (target.phone() != null && target.allows(category, Channel.SMS)) {
			channels.add(Channel.SMS);
		}
		if (login != null && target.allows(category, Channel.IN_APP)) {
			channels.add(Channel.IN_APP);
		}
		List<MessageId> stored = new ArrayList<>();
		if (channels.isEmpty()) {
			return stored;
		}
		var rendered = renderer.render(notification.template(), target.language(), withName(notification, target),
				channels);
		Instant now = clock.instant();
		if (channels.contains(Channel.EMAIL)) {
			store(stored, notification, Channel.EMAIL, login, person, target.email().value(), target.language(),
					rendered.subject(), rendered.text(), rendered.html(), "PENDING", now);
		}
		if (channels.contains(Channel.SMS)) {
			store(stored, notification, Channel.SMS, login, person, target.phone().e164(), target.language(),
					rendered.subject(), rendered.shortText(), null, "PENDING", now);
		}
		if (channels.contains(Channel.IN_APP)) {
			// in-app notices are delivered by being stored
			store(stored, notification, Channel.IN_APP, login, person, null, target.language(), rendered.subject(),
					rendered.inAppText(), null, "SENT", now);
		}
		return stored;
	}

	/** The login's preferences (defaults where it never chose). */
	@Transactional(readOnly = true)
	public Preferences preferencesOf(LoginId login) {
		var choices = new EnumMap<Category, Map<Channel, Boolean>>(Category.class);
		for (var choice : preferences.choices(login.value())) {
			choices.computeIfAbsent(choice.category(), c -> new EnumMap<>(Channel.class))
				.put(choice.channel(), choice.enabled());
		}
		return new Preferences(choices, preferences.consentedPhone(login.value()).map(PhoneNumber::new).orElse(null));
	}

	/**
	 * Saves the login's choices. Security and account notices cannot be turned off by email or in the app;
	 * a choice to turn them off there is refused.
	 */
	@Transactional
	public void choose(LoginId login, Map<Category, Map<Channel, Boolean>> choices) {
		for (var byCategory : choices.entrySet()) {
			for (var byChannel : byCategory.getValue().entrySet()) {
				Category category = byCategory.getKey();
				Channel channel = byChannel.getKey();
				boolean enabled = byChannel.getValue();
				if (category.isAlwaysOn() && channel != Channel.SMS && !enabled) {
					throw new InvalidValueException("notifications.preferences.always-on",
							category + " notices cannot be turned off");
				}
				preferences.save(login.value(), category, channel, enabled);
			}
		}
	}

	/**
	 * Records the login's consent to texts on {@code phone} (the words it agreed to, when, from where),
	 * replacing an earlier consent, and texts the number a confirmation.
	 */
	@Transactional
	public void consentToSms(LoginId login, PhoneNumber phone, String consentText, @Nullable String sourceAddress) {
		preferences.recordConsent(login.value(), phone.e164(), consentText, sourceAddress, clock.instant());
		var person = identity.find(login).flatMap(l -> customers.findPerson(l.person()));
		Language language = person.map(Person::language).orElse(Language.EN_US);
		send(new Notification(Category.ACCOUNT, "sms-subscribed", new Recipient.Phone(phone, language), Map.of(), false,
				null));
	}

	/** Ends the login's SMS consent from its settings. */
	@Transactional
	public void withdrawSmsConsent(LoginId login) {
		outbox.cancelQueuedTextsOf(login.value(), "Texts turned off in settings");
		preferences.withdrawForLogin(login.value(), "SETTINGS", clock.instant());
	}

	/** A STOP reply: no more texts to that number, for any login, from now on. */
	@Transactional
	public int stopTextsTo(PhoneNumber phone) {
		outbox.cancelQueuedTexts(phone.e164(), "The recipient replied STOP");
		return preferences.withdrawForPhone(phone.e164(), "STOP", clock.instant());
	}

	/**
	 * The language to answer a text from that number in (a STOP or HELP reply): the language of the customer
	 * who last consented to texts on it, else en-US.
	 */
	@Transactional(readOnly = true)
	public Language textLanguage(PhoneNumber phone) {
		return preferences.lastConsentingLogin(phone.e164())
			.flatMap(login -> identity.find(new LoginId(login)))
			.flatMap(login -> customers.findPerson(login.person()))
			.map(Person::language)
			.orElse(Language.EN_US);
	}

	@Transactional(readOnly = true)
	public List<InAppNotice> notificationCentre(LoginId login) {
		return outbox.inbox(login.value(), 100);
	}

	@Transactional(readOnly = true)
	public int unreadCount(LoginId login) {
		return outbox.unreadCount(login.value());
	}

	/** How many unread notices the login has and the newest {@code limit} of them, in one query. */
	@Transactional(readOnly = true)
	public UnreadNotices unread(LoginId login, int limit) {
		return outbox.unread(login.value(), limit);
	}

	/** Marks one of the login's own notices read; false when it has no such notice. */
	@Transactional
	public boolean markRead(LoginId login, MessageId message) {
		return outbox.markRead(login.value(), message.value(), clock.instant());
	}

	@Transactional
	public int markAllRead(LoginId login) {
		return outbox.markAllRead(login.value(), clock.instant());
	}

	/** Every email and SMS, newest first, as the demo inbox shows them. */
	@Transactional(readOnly = true)
	public List<DeliveredMessage> deliveredMessages(int limit) {
		return outbox.delivered(limit);
	}

	@Transactional(readOnly = true)
	public Optional<DeliveredMessage> deliveredMessage(MessageId id) {
		return outbox.deliveredMessage(id.value());
	}

	private void store(List<MessageId> stored, Notification notification, Channel channel, @Nullable UUID login,
			@Nullable UUID person, @Nullable String address, Language language, String subject, String text,
			@Nullable String html, String status, Instant now) {
		UUID id = UUID.randomUUID();
		boolean urgent = notification.category() == Category.SECURITY && notification.containsSecret();
		if (outbox.insert(id, notification.category(), notification.template(), channel, login, person, address,
				language, subject, text, html, notification.containsSecret(), urgent, status, now,
				notification.dedupeKey())) {
			stored.add(new MessageId(id));
		}
	}

	private static Map<String, Object> withName(Notification notification, Target target) {
		if (target.firstName() == null || notification.parameters().containsKey("firstName")) {
			return notification.parameters();
		}
		var parameters = new java.util.HashMap<>(notification.parameters());
		parameters.put("firstName", target.firstName());
		return parameters;
	}

	/** Where a recipient is reached, in which language, and what it allows. */
	private record Target(@Nullable LoginId login, @Nullable UUID person, @Nullable String firstName,
			@Nullable EmailAddress email, @Nullable PhoneNumber phone, Language language,
			@Nullable Preferences preferences) {

		boolean allows(Category category, Channel channel) {
			return preferences == null || preferences.isEnabled(category, channel);
		}
	}

	private Target resolve(Recipient recipient, boolean requestedCode) {
		if (recipient instanceof Recipient.Login to) {
			Login login = identity.find(to.login())
				.orElseThrow(() -> new IllegalArgumentException("No login " + to.login()));
			Person person = customers.findPerson(login.person()).orElseThrow();
			Preferences chosen = preferencesOf(login.id());
			return new Target(login.id(), person.id().value(), person.firstName(), login.email(), chosen.smsPhone(),
					person.language(), chosen);
		}
		if (recipient instanceof Recipient.Customer to) {
			Person person = customers.findPerson(to.person())
				.orElseThrow(() -> new IllegalArgumentException("No customer " + to.person()));
			Optional<Login> login = identity.loginOf(person.id());
			Preferences chosen = login.map(l -> preferencesOf(l.id())).orElse(new Preferences(Map.of(), null));
			// the address of record is the customer's own email, whatever the login signs in with
			return new Target(login.map(Login::id).orElse(null), person.id().value(), person.firstName(),
					person.email(), chosen.smsPhone(), person.language(), chosen);
		}
		if (recipient instanceof Recipient.Email to) {
			return new Target(null, null, null, to.address(), null, to.language(), null);
		}
		var to = (Recipient.Phone) recipient;
		// Texts need recorded consent, except a code the person just asked for on that number.
		boolean allowed = requestedCode || preferences.hasConsent(to.number().e164());
		return new Target(null, null, null, null, allowed ? to.number() : null, to.language(), null);
	}
}
