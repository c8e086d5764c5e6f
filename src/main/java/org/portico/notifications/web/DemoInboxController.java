package org.portico.notifications.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.portico.notifications.DeliveredMessage;
import org.portico.notifications.MessageId;
import org.portico.notifications.NotificationManagement;
import org.portico.shared.InvalidValueException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo inbox (DECISIONS.md “Demo mode”): every email and text message the portal sent, as the
 * customer received it. Public in demo mode, so that a visitor can follow a sign-up or a security code
 * without a mailbox; not there at all (404) otherwise. An email's HTML part is served on its own address,
 * shown in a sandboxed frame, with a content security policy of its own (its styles are inline).
 */
@Controller
class DemoInboxController {

	/** How many messages the inbox lists. */
	static final int LIMIT = 200;

	private final NotificationManagement notifications;

	private final Clock clock;

	private final boolean demo;

	DemoInboxController(NotificationManagement notifications, Clock clock,
			@Value("${portico.demo.enabled:false}") boolean demo) {
		this.notifications = notifications;
		this.clock = clock;
		this.demo = demo;
	}

	@GetMapping("/demo/inbox")
	String inbox(Model model) {
		requireDemo();
		model.addAttribute("messages", notifications.deliveredMessages(LIMIT));
		model.addAttribute("zone", clock.getZone());
		return "notifications/web/demo-inbox";
	}

	@GetMapping("/demo/inbox/{id}")
	String message(@PathVariable String id, Model model) {
		model.addAttribute("message", find(id));
		model.addAttribute("zone", clock.getZone());
		return "notifications/web/demo-message";
	}

	/**
	 * The email's HTML part as it was sent: framed only by the message page, styles inline, no scripts. A
	 * refusal is a bare status, not an error page: the error page would get this address's narrow policy.
	 */
	@GetMapping("/demo/inbox/{id}/html")
	ResponseEntity<String> html(@PathVariable String id) {
		Optional<String> html;
		try {
			html = demo ? notifications.deliveredMessage(MessageId.parse(id)).map(DeliveredMessage::bodyHtml)
					: Optional.empty();
		}
		catch (InvalidValueException e) {
			return ResponseEntity.badRequest().build();
		}
		return html.map(body -> ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(body)).orElseGet(() -> ResponseEntity.notFound().build());
	}

	private DeliveredMessage find(String id) {
		requireDemo();
		return notifications.deliveredMessage(MessageId.parse(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private void requireDemo() {
		if (!demo) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}
}
