package org.portico.payments;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the saved cards that expire within {@code portico.payments.expiry-warning-days} of a day and have
 * not been warned about for that expiry, marks them warned and publishes {@link PaymentMethodExpiring}
 * for each, in the same transaction: the event is in the outbox exactly when the card is marked, so a
 * card is warned once however often the job runs, on whichever node.
 */
@Component
class CardExpiryWarnings {

	private static final Logger log = LoggerFactory.getLogger(CardExpiryWarnings.class);

	/** Cards per transaction: a large provider's month of expiries is not one long transaction. */
	private static final int BATCH = 500;

	private final PaymentMethodRepository methods;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final PaymentsProperties properties;

	CardExpiryWarnings(PaymentMethodRepository methods, ApplicationEventPublisher events,
			TransactionTemplate transactions, PaymentsProperties properties) {
		this.methods = methods;
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
	}

	/** Warns about the cards expiring within the warning period of {@code today}; returns how many. */
	int warn(LocalDate today) {
		YearMonth from = YearMonth.from(today);
		YearMonth through = lastExpiryToWarn(today, properties.expiryWarningDays());
		if (through.isBefore(from)) {
			return 0;
		}
		int total = 0;
		while (true) {
			Integer warned = transactions.execute(status -> {
				List<PaymentMethod> cards = methods.cardsToWarn(from, through, BATCH);
				for (PaymentMethod card : cards) {
					YearMonth expires = card.expires();
					if (expires == null || card.brand() == null) {
						continue;
					}
					methods.markExpiryWarned(card.id(), expires);
					events.publishEvent(
							new PaymentMethodExpiring(card.account(), card.id(), card.brand(), card.last4(), expires));
				}
				return cards.size();
			});
			int count = warned == null ? 0 : warned;
			total += count;
			if (count < BATCH) {
				break;
			}
		}
		if (total > 0) {
			log.info("Card-expiry warnings: {} cards expiring by {}", total, through);
		}
		return total;
	}

	/**
	 * The latest expiry month whose last day is within {@code days} of {@code today}: the month of that day
	 * when it is the month's last day, otherwise the month before (as {@link PaymentMethod#expiresWithin}).
	 */
	static YearMonth lastExpiryToWarn(LocalDate today, int days) {
		LocalDate limit = today.plusDays(days);
		YearMonth month = YearMonth.from(limit);
		return limit.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
	}
}
