package org.portico.billing.document;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The print export of paper statements ({@code portico.billing.print.*}). Whether a node runs the export
 * sweep is {@code portico.billing.print.enabled}, by default the same as {@code portico.billing.run-enabled}:
 * the node that runs the billing run exports what it issued.
 *
 * @param directory where each statement date's print file and index land, one folder per date
 *     ({@code <directory>/2026-12-05/statements-2026-12-05.pdf} and {@code index-2026-12-05.csv}); with
 *     several nodes, a shared volume (or the export enabled on one node only)
 * @param schedule when the sweep looks for statement dates to export (a cron expression in
 *     {@code portico.zone}); it exports every date before today that has paper statements not exported yet
 * @param lookbackDays how far back the sweep looks: older statement dates are never exported
 *     automatically (a fresh installation does not print a year of demo history)
 */
@ConfigurationProperties("portico.billing.print")
public record PrintExportProperties(@DefaultValue("./data/print-export") Path directory,
		@DefaultValue("0 35 * * * *") String schedule,
		@DefaultValue("7") int lookbackDays) {

	public PrintExportProperties {
		if (lookbackDays < 1 || lookbackDays > 366) {
			throw new IllegalArgumentException("portico.billing.print.lookback-days must be 1 to 366");
		}
	}
}
