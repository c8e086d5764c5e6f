package org.portico.billing.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.portico.billing.StatementChanges;
import org.portico.billing.StatementChanges.Change;
import org.portico.catalog.LocalizedText;
import org.portico.shared.Language;
import org.portico.shared.Money;

/**
 * One “what changed” item in plain words: a message key (per change type, and per direction where the
 * wording differs), its arguments already formatted for the viewer, and the signed amount beside it.
 */
record ChangeView(String key, Object[] args, String amount, boolean increase) {

	static List<ChangeView> of(StatementChanges changes, Language language, DateTimeFormatter dates) {
		return changes.changes().stream().map(change -> of(change, language, dates)).toList();
	}

	static ChangeView of(Change change, Language language, DateTimeFormatter dates) {
		String base = "billing.changes." + change.type().name();
		String subject = change.subject().in(language);
		String direction = change.isIncrease() ? ".up" : ".down";
		Object[] args = switch (change.type()) {
			case SERVICE_ADDED, SERVICE_REMOVED, USAGE_CHARGE, LATE_FEE -> new Object[] { subject, abs(change.amount()) };
			case PLAN_CHANGED -> new Object[] { subject, text(change.replaced(), language), abs(change.amount()),
					money(change.after()), money(change.before()) };
			case PRICE_CHANGED, TAXES_CHANGED -> new Object[] { subject, abs(change.amount()), money(change.before()),
					money(change.after()) };
			case PROMOTION_ENDED, PROMOTION_STARTED, PROMOTION_CHANGED -> new Object[] { subject,
					text(change.service(), language), abs(change.amount()) };
			case PRORATED_CHARGE, PRORATED_CREDIT -> new Object[] { subject, date(change.from(), dates),
					date(change.through(), dates), change.days(), change.cycleDays(), abs(change.amount()) };
			case ONE_TIME_CHARGE, ADJUSTMENT, CREDIT -> new Object[] { subject, date(change.on(), dates),
					abs(change.amount()) };
			case BALANCE_CARRIED_OVER -> new Object[] { abs(change.amount()) };
		};
		String key = switch (change.type()) {
			case PLAN_CHANGED, PRICE_CHANGED, PROMOTION_CHANGED, TAXES_CHANGED, BALANCE_CARRIED_OVER -> base + direction;
			default -> base;
		};
		return new ChangeView(key, args, StatementView.signed(change.amount()), change.isIncrease());
	}

	private static String abs(Money amount) {
		return amount.isNegative() ? amount.times(-1).formatted() : amount.formatted();
	}

	private static String money(@Nullable Money amount) {
		return amount == null ? "" : amount.formatted();
	}

	private static String text(@Nullable LocalizedText text, Language language) {
		return text == null ? "" : text.in(language);
	}

	private static String date(@Nullable LocalDate date, DateTimeFormatter dates) {
		return date == null ? "" : dates.format(date);
	}
}
