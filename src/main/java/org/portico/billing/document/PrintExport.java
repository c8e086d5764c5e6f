package org.portico.billing.document;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.portico.billing.BillingManagement;
import org.portico.billing.Statement;
import org.portico.shared.AccountNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The print export of paper statements: for each statement date, one PDF file with every paper statement
 * of that date (each starting on a new page, in account-number order) and an index CSV that says where each
 * statement starts, how many pages it has and where it is mailed. The print house (or an operator, until
 * staff have a console) picks them up from {@code portico.billing.print.directory}:
 *
 * <pre>
 * 2026-12-05/statements-2026-12-05.pdf
 * 2026-12-05/index-2026-12-05.csv
 * </pre>
 *
 * <p>A file appears whole or not at all (written under a temporary name, then moved); the index is written
 * last, so an index means its PDF is complete. The indexes are also the record of what was exported: a
 * statement of a date already exported that was issued later (a billing run catching up after downtime)
 * goes into a supplement, {@code statements-2026-12-05-2.pdf} and {@code index-2026-12-05-2.csv}; nothing
 * is printed twice. Statements are read and rendered a page of {@value #PAGE} at a time into one PDF whose
 * page content lives in temporary files, so memory stays flat however large the batch.
 */
@Service
public class PrintExport {

	private static final Logger log = LoggerFactory.getLogger(PrintExport.class);

	static final int PAGE = 200;

	private final BillingManagement billing;

	private final StatementPdf pdf;

	private final PrintExportProperties properties;

	private final Clock clock;

	public PrintExport(BillingManagement billing, StatementPdf pdf, PrintExportProperties properties, Clock clock) {
		this.billing = billing;
		this.pdf = pdf;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Exports every statement date of the last {@code lookback-days} before today that has paper statements
	 * not exported yet. Today's date waits for tomorrow: the billing run issues a date's statements over the
	 * day (hourly runs, batches), and a date is only complete once its day is over.
	 */
	public List<ExportedBatch> exportPending() {
		LocalDate today = LocalDate.now(clock);
		LocalDate oldest = today.minusDays(properties.lookbackDays());
		var exported = new ArrayList<ExportedBatch>();
		for (var batch : billing.printBatches(properties.lookbackDays() + 1)) {
			LocalDate date = batch.statementDate();
			if (!date.isBefore(today) || date.isBefore(oldest)) {
				continue;
			}
			if (exportedIds(date).size() < batch.statements()) {
				export(date).ifPresent(exported::add);
			}
		}
		return exported;
	}

	/**
	 * Exports the paper statements of {@code statementDate} that no earlier export of that date holds;
	 * empty when there are none.
	 */
	public synchronized Optional<ExportedBatch> export(LocalDate statementDate) {
		long started = System.nanoTime();
		Path folder = properties.directory().resolve(statementDate.toString());
		try {
			Files.createDirectories(folder);
			Set<String> done = exportedIds(statementDate);
			int part = partNumber(folder, statementDate);
			String suffix = statementDate + (part == 1 ? "" : "-" + part);
			Path pdfFile = folder.resolve("statements-" + suffix + ".pdf");
			Path indexFile = folder.resolve("index-" + suffix + ".csv");
			Path pdfTemp = folder.resolve(".statements-" + suffix + ".pdf.tmp");
			Path indexTemp = folder.resolve(".index-" + suffix + ".csv.tmp");
			int statements = 0;
			int pages;
			try (var batch = pdf.batch();
					BufferedWriter writer = Files.newBufferedWriter(indexTemp, StandardCharsets.UTF_8)) {
				var index = new PrintIndexCsv(writer);
				AccountNumber after = null;
				List<Statement> page;
				do {
					page = billing.paperStatements(statementDate, after, PAGE);
					for (Statement statement : page) {
						if (done.contains(statement.id().toString())) {
							continue;
						}
						int firstPage = batch.pages() + 1;
						int count = batch.add(statement);
						index.add(statement, firstPage, count);
						statements++;
					}
					after = page.isEmpty() ? after : page.get(page.size() - 1).accountNumber();
				}
				while (page.size() == PAGE);
				pages = batch.pages();
				if (statements == 0) {
					return Optional.empty();
				}
				batch.save(pdfTemp);
			}
			finally {
				if (statements == 0) {
					Files.deleteIfExists(indexTemp);
				}
			}
			move(pdfTemp, pdfFile);
			move(indexTemp, indexFile);
			long millis = (System.nanoTime() - started) / 1_000_000;
			log.info("Print export {}: {} statements, {} pages in {} in {} ms", statementDate, statements, pages,
					pdfFile.getFileName(), millis);
			return Optional.of(new ExportedBatch(statementDate, pdfFile, indexFile, statements, pages));
		}
		catch (IOException failed) {
			throw new UncheckedIOException("Print export of " + statementDate + " failed", failed);
		}
	}

	/** The IDs of the statements of {@code statementDate} that an export already holds. */
	Set<String> exportedIds(LocalDate statementDate) {
		Path folder = properties.directory().resolve(statementDate.toString());
		var ids = new HashSet<String>();
		if (!Files.isDirectory(folder)) {
			return ids;
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path index : files.filter(file -> isIndex(file, statementDate)).toList()) {
				ids.addAll(PrintIndexCsv.statementIds(index));
			}
		}
		catch (IOException failed) {
			throw new UncheckedIOException("Cannot read the print exports in " + folder, failed);
		}
		return ids;
	}

	private static boolean isIndex(Path file, LocalDate statementDate) {
		String name = file.getFileName().toString();
		return name.startsWith("index-" + statementDate) && name.endsWith(".csv");
	}

	/** 1 for the first export of a date, then 2, 3… for supplements. */
	private static int partNumber(Path folder, LocalDate statementDate) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return (int) files.filter(file -> isIndex(file, statementDate)).count() + 1;
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException notOnThisVolume) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * One export of a statement date.
	 *
	 * @param pdf every statement, each from a new page
	 * @param index one row per statement, in the PDF's order
	 */
	public record ExportedBatch(LocalDate statementDate, Path pdf, Path index, int statements, int pages) {
	}

	/** For tests and tools: the folder a date's files go to. */
	public Path folder(LocalDate statementDate) {
		return properties.directory().resolve(statementDate.toString());
	}
}
