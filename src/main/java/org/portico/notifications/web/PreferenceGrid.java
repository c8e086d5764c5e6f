package org.portico.notifications.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.portico.notifications.Category;
import org.portico.notifications.Channel;
import org.portico.notifications.Preferences;

/**
 * The preferences form: one row per category, one checkbox per channel. A box the customer cannot change
 * is disabled — security and account notices by email and in the app (always on), and texts until the
 * customer has consented to them — and so is never sent with the form.
 */
record PreferenceGrid(List<Row> rows, boolean smsConsented) {

	/** The channels in the order the form shows them. */
	static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.SMS, Channel.IN_APP);

	record Row(Category category, boolean alwaysOn, List<Cell> cells) {
	}

	/** One checkbox: its form field name ({@code BILLING.EMAIL}), whether it is ticked and editable. */
	record Cell(Channel channel, String name, boolean checked, boolean editable) {
	}

	static PreferenceGrid of(Preferences preferences) {
		List<Row> rows = new ArrayList<>();
		for (Category category : Category.values()) {
			List<Cell> cells = new ArrayList<>();
			for (Channel channel : CHANNELS) {
				boolean editable = isEditable(category, channel, preferences);
				boolean checked = channel == Channel.SMS ? preferences.isEnabled(category, channel)
						: category.isAlwaysOn() || preferences.isChosen(category, channel);
				cells.add(new Cell(channel, fieldName(category, channel), checked, editable));
			}
			rows.add(new Row(category, category.isAlwaysOn(), List.copyOf(cells)));
		}
		return new PreferenceGrid(List.copyOf(rows), preferences.hasSmsConsent());
	}

	/**
	 * The choices a submitted form makes: every editable box, on when it was ticked (a browser sends only
	 * ticked boxes). A box the form shows disabled counts only when the request names it explicitly — a
	 * request that asks to turn an always-on notice off is passed on, for the façade to refuse.
	 */
	static Map<Category, Map<Channel, Boolean>> choicesFrom(Map<String, String> form, Preferences preferences) {
		var choices = new EnumMap<Category, Map<Channel, Boolean>>(Category.class);
		for (Category category : Category.values()) {
			for (Channel channel : CHANNELS) {
				String name = fieldName(category, channel);
				boolean explicitAlwaysOn = category.isAlwaysOn() && channel != Channel.SMS && form.containsKey(name);
				if (isEditable(category, channel, preferences) || explicitAlwaysOn) {
					choices.computeIfAbsent(category, c -> new EnumMap<>(Channel.class))
						.put(channel, "on".equals(form.get(name)));
				}
			}
		}
		return choices;
	}

	private static boolean isEditable(Category category, Channel channel, Preferences preferences) {
		if (channel == Channel.SMS) {
			return preferences.hasSmsConsent();
		}
		return !category.isAlwaysOn();
	}

	private static String fieldName(Category category, Channel channel) {
		return category.name() + "." + channel.name();
	}
}
