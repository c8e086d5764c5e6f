package org.portico.billing.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portico.billing.Statement;
import org.portico.billing.StatementPdfFixtures;
import org.portico.shared.Language;

class PrintExportCsvUnitTests {

	@Test
	void quotesEveryFieldAndDoublesQuotes() {
		assertThat(PrintIndexCsv.quoted("Apt \"B\", rear")).isEqualTo("\"Apt \"\"B\"\", rear\"");
		assertThat(PrintIndexCsv.quoted("")).isEqualTo("\"\"");
	}

	@Test
	void defusesTextThatASpreadsheetWouldRunAsAFormula() {
		assertThat(PrintIndexCsv.defused("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(PrintIndexCsv.defused("+1 555")).isEqualTo("'+1 555");
		assertThat(PrintIndexCsv.defused("-2+3")).isEqualTo("'-2+3");
		assertThat(PrintIndexCsv.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(PrintIndexCsv.defused("\tx")).isEqualTo("'\tx");
		assertThat(PrintIndexCsv.defused("12 Walnut St")).isEqualTo("12 Walnut St");
		assertThat(PrintIndexCsv.defused("")).isEmpty();
	}

	@Test
	void writesAHeaderAndOneCrlfRowPerStatementWhoseIdsReadBack(@TempDir Path folder) throws Exception {
		Statement statement = StatementPdfFixtures.everySection(Language.ES_US);
		var out = new StringWriter();
		var csv = new PrintIndexCsv(out);
		csv.add(statement, 7, 3);
		String text = out.toString();

		assertThat(text).startsWith("\"statement_id\",\"account_number\",").contains("\r\n");
		assertThat(text.split("\r\n")).hasSize(2);
		assertThat(text.split("\r\n")[1]).isEqualTo("\"" + statement.id() + "\",\"400012345675\",\"María José Núñez Peña\","
				+ "\"1482 Walnut Street\",\"Apt 3B\",\"Philadelphia\",\"PA\",\"19103-4417\",\""
				+ statement.amountDue().amount().toPlainString() + "\",\"USD\",\"2026-12-26\",\"es-US\",\"7\",\"3\"");
		Path index = folder.resolve("index.csv");
		Files.writeString(index, text, StandardCharsets.UTF_8);
		assertThat(PrintIndexCsv.statementIds(index)).containsExactly(statement.id().toString());
	}
}
