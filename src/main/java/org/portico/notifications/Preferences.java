package org.portico.notifications;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.portico.shared.PhoneNumber;

/**
 * A login's choices of channel per category, with the phone number it consented to texts on (none: no
 * SMS at all). Security and account notices always go by email and in the app.
 */
public record Preferences(Map<Category, Map<Channel, Boolean>> choices, @Nullable PhoneNumber smsPhone) {

	public Preferences {
		var copy = new EnumMap<Category, Map<Channel, Boolean>>(Category.class);
		for (Category category : Category.values()) {
			var byChannel = new EnumMap<Channel, Boolean>(Channel.class);
			for (Channel channel : Channel.values()) {
				Boolean chosen = choices.getOrDefault(category, Map.of()).get(channel);
				byChannel.put(channel, chosen != null ? chosen : category.isOnByDefault(channel));
			}
			copy.put(category, Map.copyOf(byChannel));
		}
		choices = Map.copyOf(copy);
	}

	/** Whether a message of {@code category} goes out on {@code channel} for this login. */
	public boolean isEnabled(Category category, Channel channel) {
		if (channel == Channel.SMS && smsPhone == null) {
			return false;
		}
		if (category.isAlwaysOn() && channel != Channel.SMS) {
			return true;
		}
		return choices.get(category).get(channel);
	}

	/** The choice as stored (or defaulted), before consent and always-on rules: what the form shows. */
	public boolean isChosen(Category category, Channel channel) {
		return choices.get(category).get(channel);
	}

	public boolean hasSmsConsent() {
		return smsPhone != null;
	}
}
