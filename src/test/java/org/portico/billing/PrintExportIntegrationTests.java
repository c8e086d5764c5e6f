package org.portico.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portico.AccountFixtures;
import org.portico.IntegrationTestSupport;
import org.portico.billing.document.PrintExport;
import org.portico.billing.document.PrintExport.ExportedBatch;
import org.portico.billing.document.PrintExportProperties;
import org.portico.billing.document.StatementPdf;
import org.portico.customer.CustomerManagement;
import org.portico.customer.ServiceAccount;
import org.portico.demo.DemoCatalog;
import org.portico.shared.Language;
import org.portico.subscriptions.SubscriptionManagement;
import org.springframework.beans.factory.annotation.Autowired;

/** The print export of paper statements, on statements issued by the real billing run. */
class PrintExportIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	CustomerManagement customers;

	@Autowired
	SubscriptionManagement subscriptions;

	@Autowired
	BillingRun billingRun;

	@Autowired
	BillingManagement billing;

	@Autowired
	StatementPdf statementPdf;

	@TempDir
	Path directory;

	@Test
	void exportsEveryPaperStatementOfADateOnceWithAnIndexThatMatchesThePdf() throws Exception {
		LocalDate date = uniqueDate(2080);
		ServiceAccount english = billedOn(date, Language.EN_US, false);
		ServiceAccount spanish = billedOn(date, Language.ES_US, false);
		ServiceAccount paperless = billedOn(date, Language.EN_US, true);
		PrintExport export = exportAsOf(date.plusDays(1));

		List<ExportedBatch> exported = export.exportPending();

		ExportedBatch batch = exported.stream().filter(b -> b.statementDate().equals(date)).findFirst().orElseThrow();
		assertThat(batch.pdf()).isEqualTo(directory.resolve(date.toString()).resolve("statements-" + date + ".pdf"));
		assertThat(batch.index()).isEqualTo(directory.resolve(date.toString()).resolve("index-" + date + ".csv"));
		List<List<String>> rows = csv(batch.index());
		assertThat(rows.get(0)).containsExactly("statement_id", "account_number", "holder_name", "address_line_1",
				"address_line_2", "city", "state", "zip", "amount_due", "currency", "due_date", "language", "first_page",
				"page_count");
		List<List<String>> entries = rows.subList(1, rows.size());
		assertThat(entries).extracting(row -> row.get(1))
			.contains(english.number().digits(), spanish.number().digits())
			.doesNotContain(paperless.number().digits());
		assertThat(entries).hasSize(batch.statements());
		try (PDDocument pdf = Loader.loadPDF(batch.pdf().toFile())) {
			int pages = entries.stream().mapToInt(row -> Integer.parseInt(row.get(13))).sum();
			assertThat(pdf.getNumberOfPages()).isEqualTo(pages).isEqualTo(batch.pages());
			int expectedFirst = 1;
			for (List<String> row : entries) {
				int first = Integer.parseInt(row.get(12));
				assertThat(first).isEqualTo(expectedFirst);
				expectedFirst += Integer.parseInt(row.get(13));
				String firstPage = pageText(pdf, first);
				String number = new org.portico.shared.AccountNumber(row.get(1)).display();
				assertThat(firstPage).as("first page of " + row.get(0)).contains(number, row.get(2).toUpperCase(java.util.Locale.ROOT));
				if (first > 1) {
					assertThat(pageText(pdf, first - 1)).doesNotContain(number);
				}
			}
			List<String> mine = entries.stream().filter(row -> row.get(1).equals(spanish.number().digits())).findFirst().orElseThrow();
			assertThat(mine.get(11)).isEqualTo("es-US");
			assertThat(pageText(pdf, Integer.parseInt(mine.get(12)))).contains("Talón de pago", "Monto a pagar");
			Statement statement = billing.paperStatements(date, null, 10_000).stream()
				.filter(s -> s.account().equals(spanish.id()))
				.findFirst()
				.orElseThrow();
			assertThat(mine.get(0)).isEqualTo(statement.id().toString());
			assertThat(mine.get(8)).isEqualTo(statement.amountDue().amount().toPlainString());
			assertThat(mine.get(10)).isEqualTo(statement.dueDate().toString());
			assertThat(mine.get(3)).isEqualTo(spanish.billingAddress().line1());
		}

		// nothing is exported twice
		assertThat(export.exportPending()).noneMatch(b -> b.statementDate().equals(date));
		assertThat(export.export(date)).isEmpty();

		// a statement of that date issued later (a catch-up run) goes into a supplement with only itself
		ServiceAccount late = billedOn(date, Language.EN_US, false);
		ExportedBatch supplement = export.exportPending()
			.stream()
			.filter(b -> b.statementDate().equals(date))
			.findFirst()
			.orElseThrow();
		assertThat(supplement.pdf().getFileName().toString()).isEqualTo("statements-" + date + "-2.pdf");
		assertThat(csv(supplement.index()).subList(1, 2)).extracting(row -> row.get(1)).containsExactly(late.number().digits());
		try (var files = Files.list(directory.resolve(date.toString()))) {
			assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
					"statements-" + date + ".pdf", "index-" + date + ".csv", "statements-" + date + "-2.pdf",
					"index-" + date + "-2.csv");
		}
	}

	@Test
	void waitsUntilTheStatementDateIsOver() {
		LocalDate date = uniqueDate(2090);
		billedOn(date, Language.EN_US, false);

		assertThat(exportAsOf(date).exportPending()).noneMatch(b -> b.statementDate().equals(date));
		assertThat(exportAsOf(date.plusDays(1)).exportPending()).anyMatch(b -> b.statementDate().equals(date));
	}

	/**
	 * A statement date in a random month of a decade no other test bills, so that tests sharing the
	 * database rarely share it, and later than any other: the sweep looks at the newest statement dates
	 * (in production nothing is dated after today).
	 */
	private static LocalDate uniqueDate(int decade) {
		var random = ThreadLocalRandom.current();
		return LocalDate.of(decade + random.nextInt(10), 1 + random.nextInt(12), 12);
	}

	private PrintExport exportAsOf(LocalDate today) {
		Clock clock = Clock.fixed(today.atTime(2, 35).atZone(ZONE).toInstant(), ZONE);
		return new PrintExport(billing, statementPdf, new PrintExportProperties(directory, "0 35 * * * *", 7), clock);
	}

	/** An account with internet and TV since before {@code date}, billed through it: one statement dated {@code date}. */
	private ServiceAccount billedOn(LocalDate date, Language language, boolean paperless) {
		ServiceAccount account = fixtures.account();
		if (language != Language.EN_US) {
			customers.changeLanguage(account.holder().id(), language);
		}
		subscriptions.start(account.id(), DemoCatalog.INTERNET_500, null, date.minusDays(20));
		subscriptions.start(account.id(), DemoCatalog.TV_SELECT, null, date.minusDays(20));
		// billing first sees the account the day before: nothing to bill yet, but the choice of paper is its own
		billingRun.run(date.minusDays(1), Set.of(account.id()));
		if (paperless) {
			billing.choosePaperless(account.id(), true);
		}
		billingRun.run(date, Set.of(account.id()));
		assertThat(billing.statements(account.id())).extracting(StatementSummary::statementDate).containsExactly(date);
		return account;
	}

	private static String pageText(PDDocument pdf, int page) throws java.io.IOException {
		var stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(pdf);
	}

	/** RFC 4180, as a print house's software would read it. */
	private static List<List<String>> csv(Path file) throws java.io.IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		var rows = new ArrayList<List<String>>();
		var row = new ArrayList<String>();
		var cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
			else {
				cell.append(c);
			}
		}
		assertThat(row).as("no text after the last CRLF").isEmpty();
		return rows;
	}
}
