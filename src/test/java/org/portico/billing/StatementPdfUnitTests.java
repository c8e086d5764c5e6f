package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.portico.billing.document.StatementPdf;
import org.portico.shared.Language;
import org.portico.shared.ProviderProperties;
import org.portico.shared.ProviderProperties.SupportHours;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The statement PDF without a database: a statement with a line of every type, rendered and read back. The
 * PDFs and a PNG of each page land in {@code target/} for a look at the layout.
 */
class StatementPdfUnitTests {

	static StatementPdf statementPdf() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages-billing-documents");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new StatementPdf(messages, provider());
	}

	static ProviderProperties provider() {
		return new ProviderProperties("Riverbend Communications", "/images/logo.svg", "#0b5cab", "#f2a900",
				"1-800-555-0199", new SupportHours("Every day, 8 am to 10 pm Eastern",
						"Todos los días, de 8 a. m. a 10 p. m., hora del Este"),
				"https://www.example.com", "https://www.example.com/nm", "https://www.example.com/privacy",
				List.of("Riverbend Communications", "PO Box 70123", "Philadelphia, PA 19176-0123"),
				List.of("Riverbend Communications LLC", "1200 Market Street", "Harrisburg, PA 17101"));
	}

	@Test
	void printsTheSummaryTheStubAndEveryLineWithItsAmount() throws IOException {
		Statement statement = StatementPdfFixtures.everySection(Language.EN_US);

		try (PDDocument document = Loader.loadPDF(render(statement, "en"))) {
			String first = text(document, 1, 1);
			assertThat(first).contains("Riverbend Communications", "4000 1234 5675", "December 5, 2026",
					"Dec 5, 2026 – Jan 4, 2027", "JORDAN A. WHITAKER", "1482 Walnut Street", "Philadelphia, PA 19103-4417",
					"$300.73", "December 26, 2026", "Previous balance", "$160.25", "-$153.75", "$279.25", "$14.98",
					"1-800-555-0199", "Payment stub", "Amount enclosed", "PO Box 70123", "Philadelphia, PA 19176-0123");
			String details = text(document, 2, document.getNumberOfPages());
			for (StatementLine line : statement.lines()) {
				assertThat(details).contains(line.name(Language.EN_US), statement.amount(line).formatted());
			}
			assertThat(details).contains("Internet", "TV", "Phone", "Equipment", "Sports Pack (15 days)",
					"Total new charges", "Total payments and credits");
		}
	}

	@Test
	void speaksSpanishWithItsAccentsForASpanishStatement() throws IOException {
		Statement statement = StatementPdfFixtures.everySection(Language.ES_US);

		try (PDDocument document = Loader.loadPDF(render(statement, "es"))) {
			String text = text(document, 1, document.getNumberOfPages());
			assertThat(text).contains("Estado de cuenta", "Número de cuenta", "5 de diciembre de 2026",
					"26 de diciembre de 2026", "MARÍA JOSÉ NÚÑEZ PEÑA", "Talón de pago", "Monto adjunto",
					"Teléfono residencial ilimitado", "Crédito por interrupción del servicio", "¿Preguntas sobre su factura?",
					"Todos los días", "Página", "(15 días)")
				.doesNotContain("Amount due", "Payment stub");
		}
	}

	@Test
	void aBatchStartsEachStatementOnANewPageAndEmbedsTheFontsOnce() throws IOException {
		var pdf = statementPdf();
		Path file = Path.of("target/statement-batch-sample.pdf");
		int[] pages = new int[3];
		try (var batch = pdf.batch()) {
			pages[0] = batch.add(StatementPdfFixtures.everySection(Language.EN_US));
			pages[1] = batch.add(StatementPdfFixtures.everySection(Language.ES_US));
			pages[2] = batch.add(StatementPdfFixtures.everySection(Language.EN_US));
			batch.save(file);
		}
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(pages[0] + pages[1] + pages[2]);
			assertThat(text(document, pages[0] + 1, pages[0] + 1)).contains("Talón de pago", "Página 1 de " + pages[1]);
			assertThat(text(document, 1, 1)).contains("Page 1 of " + pages[0]);
		}
		// one subset of each font for the whole file: a statement adds its page content, not its fonts
		assertThat(Files.size(file)).isLessThan(3 * 40_000L);
	}

	private static byte[] render(Statement statement, String name) throws IOException {
		byte[] pdf = statementPdf().render(statement);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/statement-sample-" + name + ".pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var renderer = new PDFRenderer(document);
			for (int page = 0; page < document.getNumberOfPages(); page++) {
				ImageIO.write(renderer.renderImageWithDPI(page, 80), "png",
						Path.of("target/statement-sample-" + name + "-" + (page + 1) + ".png").toFile());
			}
		}
		return pdf;
	}

	private static String text(PDDocument document, int from, int to) throws IOException {
		var stripper = new PDFTextStripper();
		stripper.setStartPage(from);
		stripper.setEndPage(to);
		return stripper.getText(document).replaceAll("[ \\t]+", " ");
	}
}
