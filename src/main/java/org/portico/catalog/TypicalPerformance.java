package org.portico.catalog;

import org.portico.shared.InvalidValueException;

/**
 * What a tier typically delivers during peak hours, as measured for the FCC broadband label — not the
 * advertised “up to” speeds.
 */
public record TypicalPerformance(int downloadMbps, int uploadMbps, int latencyMs) {

	public TypicalPerformance {
		if (downloadMbps <= 0 || uploadMbps <= 0) {
			throw new InvalidValueException("validation.catalog.typical-speed", "Typical speeds must be positive");
		}
		if (latencyMs <= 0 || latencyMs > 2000) {
			throw new InvalidValueException("validation.catalog.typical-latency", "Latency must be 1 to 2000 ms");
		}
	}
}
