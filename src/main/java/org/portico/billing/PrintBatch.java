package org.portico.billing;

import java.time.LocalDate;

/** The paper statements of one statement date: what the print export prints together. */
public record PrintBatch(LocalDate statementDate, int statements) {
}
