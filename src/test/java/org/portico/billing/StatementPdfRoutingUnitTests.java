package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The PDF download and the statement page share a prefix: Spring MVC must route every {@code .pdf} to the
 * download, whatever follows, and leave everything else to the page.
 */
class StatementPdfRoutingUnitTests {

	private final PathPattern pdf = PathPatternParser.defaultInstance.parse("/billing/statements/{id}.pdf");

	private final PathPattern page = PathPatternParser.defaultInstance.parse("/billing/statements/{id}");

	@Test
	void theDownloadWinsOverTheStatementPageForEveryPdfPath() {
		for (String path : List.of("/billing/statements/3f1c2a9e-8d4b-4e1a-9c55-0a1b2c3d4e5f.pdf",
				"/billing/statements/not-a-statement.pdf")) {
			var container = PathContainer.parsePath(path);
			assertThat(pdf.matches(container)).as(path).isTrue();
			assertThat(best(path)).as(path).isSameAs(pdf);
		}
	}

	@Test
	void theStatementPageKeepsItsPaths() {
		var container = PathContainer.parsePath("/billing/statements/3f1c2a9e-8d4b-4e1a-9c55-0a1b2c3d4e5f");
		assertThat(pdf.matches(container)).isFalse();
		assertThat(page.matches(container)).isTrue();
	}

	private PathPattern best(String path) {
		var container = PathContainer.parsePath(path);
		return List.of(page, pdf)
			.stream()
			.filter(pattern -> pattern.matches(container))
			.min(Comparator.nullsLast(PathPattern.SPECIFICITY_COMPARATOR))
			.orElseThrow();
	}
}
