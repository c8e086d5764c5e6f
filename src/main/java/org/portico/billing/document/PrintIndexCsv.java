package org.portico.billing.document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portico.billing.Statement;

/**
 * The index of a print file as CSV: RFC 4180 (comma separated, CRLF line ends, every field quoted, quotes
 * doubled), UTF-8, one header row. Text that came from people (names, address lines) is defused against
 * CSV injection: a cell starting with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, so that a spreadsheet shows it as text instead of running it as a formula. Amounts, dates
 * and IDs Portico formats itself are left as they are, so that a credit balance still reads -12.50 to the
 * print house's software.
 */
final class PrintIndexCsv {

	static final List<String> HEADER = List.of("statement_id", "account_number", "holder_name", "address_line_1",
			"address_line_2", "city", "state", "zip", "amount_due", "currency", "due_date", "language", "first_page",
			"page_count");

	private static final Pattern ID_CELL = Pattern.compile("^\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\",");

	private final Writer out;

	PrintIndexCsv(Writer out) throws IOException {
		this.out = out;
		write(HEADER);
	}

	/** The row of a statement that starts on {@code firstPage} (1-based) of the print file. */
	void add(Statement statement, int firstPage, int pageCount) throws IOException {
		var address = statement.billTo();
		write(List.of(statement.id().toString(), statement.accountNumber().digits(), defused(statement.holderName()),
				defused(address.line1()), defused(address.line2() == null ? "" : address.line2()),
				defused(address.city()), defused(address.state()), defused(address.zip()),
				statement.amountDue().amount().toPlainString(), statement.amountDue().currency().getCurrencyCode(),
				statement.dueDate().toString(), statement.language().tag(), Integer.toString(firstPage),
				Integer.toString(pageCount)));
	}

	private void write(List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(quoted(cells.get(i)));
		}
		out.write("\r\n");
	}

	/** Text from people, defused against formulas. */
	static String defused(String cell) {
		if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
			return "'" + cell;
		}
		return cell;
	}

	static String quoted(String cell) {
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

	/**
	 * The statement IDs an index lists: its rows are the ones that start with a quoted UUID (a line inside
	 * a multi-line address cell never does).
	 */
	static List<String> statementIds(Path index) throws IOException {
		var ids = new ArrayList<String>();
		try (BufferedReader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				Matcher id = ID_CELL.matcher(line);
				if (id.find()) {
					ids.add(id.group(1));
				}
			}
		}
		return ids;
	}
}
