package org.portico.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;

/** Outside demo mode the demo inbox is not there at all. */
class DemoInboxControllerUnitTests {

	// demo mode off: the controller must answer before it reads any message
	private final DemoInboxController controller = new DemoInboxController(null, Clock.systemUTC(), false);

	@Test
	void isNotFoundOutsideDemoMode() {
		String id = UUID.randomUUID().toString();
		assertThatThrownBy(() -> controller.inbox(new ExtendedModelMap())).isInstanceOfSatisfying(
				ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
		assertThatThrownBy(() -> controller.message(id, new ExtendedModelMap())).isInstanceOfSatisfying(
				ResponseStatusException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
		assertThat(controller.html(id).getStatusCode().value()).isEqualTo(404);
		assertThat(controller.html("not-an-id").getStatusCode().value()).isEqualTo(404);
	}
}
