package org.portico.billing;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.portico.catalog.LocalizedText;
import org.portico.catalog.OfferingKind;
import org.portico.shared.Language;

/**
 * One line of a statement, as issued (names in both languages, so that the statement reads the same
 * whichever language it is shown in later).
 *
 * @param name the offering, promotion, tax or entry the line is for
 * @param from the first day the line covers, for service lines
 * @param to the day after the last day it covers, for service lines
 * @param amountMinor in the statement's currency; negative in the customer's favour
 * @param kind the service's kind, for service lines and their taxes
 * @param offering the offering's code, for service lines
 * @param subscription the subscription, for service lines
 * @param on the date of a payment, credit or one-time entry
 */
public record StatementLine(LineType type, LocalizedText name, @Nullable LocalDate from, @Nullable LocalDate to,
		long amountMinor, @Nullable OfferingKind kind, @Nullable String offering, @Nullable String subscription,
		@Nullable LocalDate on) {

	public StatementLine {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(name, "name");
	}

	public String name(Language language) {
		return name.in(language);
	}

	/** The number of days a service line covers. */
	public long days() {
		return from == null || to == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(from, to);
	}

	/** The last day a service line covers. */
	public @Nullable LocalDate through() {
		return to == null ? null : to.minusDays(1);
	}
}
