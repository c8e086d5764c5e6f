package org.portico.billing;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} (text format), written on the current transaction's
 * connection. The billing run writes hundreds of thousands of rows a run: COPY takes them in one stream
 * per table and batch, without a statement per row to parse, plan and bind, which roughly halves the
 * database's share of the run. Everything else (constraints, triggers, foreign keys) applies as for
 * INSERT.
 */
final class CopyRows {

	private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

	private final String command;

	private final StringBuilder data = new StringBuilder(64 * 1024);

	private boolean rowStarted;

	private int rows;

	/** For {@code table} and its {@code columns} (comma-separated, in the order values are added). */
	CopyRows(String table, String columns) {
		this.command = "COPY " + table + " (" + columns + ") FROM STDIN";
	}

	CopyRows value(@Nullable Object value) {
		if (rowStarted) {
			data.append('\t');
		}
		rowStarted = true;
		if (value == null) {
			data.append("\\N");
		}
		else if (value instanceof Boolean flag) {
			data.append(flag ? 't' : 'f');
		}
		else {
			escape(value.toString());
		}
		return this;
	}

	CopyRows endRow() {
		data.append('\n');
		rowStarted = false;
		rows++;
		return this;
	}

	int rows() {
		return rows;
	}

	/** Streams the rows into the table on the transaction's connection (nothing when there are none). */
	void copy(DataSource dataSource) {
		if (rows == 0) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(command, new StringReader(data.toString()));
		}
		catch (SQLException failure) {
			var translated = TRANSLATOR.translate("COPY", command, failure);
			throw translated != null ? translated : new DataAccessResourceFailureException(command, failure);
		}
		catch (IOException failure) {
			throw new DataAccessResourceFailureException(command, failure);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** COPY's text format: backslash, tab, newline and carriage return are escaped; nothing else is. */
	private void escape(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> data.append("\\\\");
				case '\t' -> data.append("\\t");
				case '\n' -> data.append("\\n");
				case '\r' -> data.append("\\r");
				default -> data.append(c);
			}
		}
	}
}
