package org.portico.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The autopay settings refuse what the attempts table cannot hold or what makes no sense. */
class AutopayPropertiesUnitTests {

	@Test
	void theDefaultsRemindThreeDaysBeforeAndRetryTwoAndFiveDaysAfter() {
		var properties = new AutopayProperties(true, "0 40 * * * *", 3, List.of(2, 5));
		assertThat(properties.attempts()).isEqualTo(3);
		assertThat(new AutopayProperties(true, "0 40 * * * *", 3, List.of()).attempts()).isEqualTo(1);
	}

	@Test
	void refusesMoreThanTwoRetriesRetriesOutOfOrderAndAReminderOnTheDueDate() {
		assertThatThrownBy(() -> new AutopayProperties(true, "0 40 * * * *", 3, List.of(1, 2, 3)))
			.hasMessageContaining("at most two");
		assertThatThrownBy(() -> new AutopayProperties(true, "0 40 * * * *", 3, List.of(5, 2)))
			.hasMessageContaining("increasing");
		assertThatThrownBy(() -> new AutopayProperties(true, "0 40 * * * *", 3, List.of(0)))
			.hasMessageContaining("increasing");
		assertThatThrownBy(() -> new AutopayProperties(true, "0 40 * * * *", 0, List.of(2, 5)))
			.hasMessageContaining("reminder-days-before");
	}
}
