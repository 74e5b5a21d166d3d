package trade.caravan.reference.load;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a table with PostgreSQL's {@code COPY ... FROM STDIN} (text format), the
 * fastest way to bulk-load: one round trip per megabyte instead of one per row. Values are
 * escaped here (backslash, tab, newline, carriage return; {@code \N} for null), so no value can
 * end a field or a row early; a NUL character, which PostgreSQL text cannot hold, is refused.
 */
final class CopyRows implements AutoCloseable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_AT + 4096);
    private final StringBuilder line = new StringBuilder(256);
    private final int columns;
    private long rows;
    private boolean finished;

    private CopyRows(CopyIn copy, int columns) {
        this.copy = copy;
        this.columns = columns;
    }

    /** Starts a COPY into {@code table (columns)}; names come from code, never from data. */
    static CopyRows into(Connection connection, String table, String... columns) throws SQLException {
        for (String name : columns) {
            require(name);
        }
        require(table);
        String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        return new CopyRows(copy, columns.length);
    }

    private static void require(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + identifier);
        }
    }

    /**
     * Appends one row. Values may be {@code null}, {@link String}, {@link Number}, {@link Boolean},
     * {@link LocalDate} or a collection of strings (written as a PostgreSQL array).
     */
    void add(@Nullable Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException("Expected " + columns + " values, got " + values.length);
        }
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            appendValue(values[i]);
        }
        line.append('\n');
        buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        rows++;
        if (buffer.size() >= FLUSH_AT) {
            flush();
        }
    }

    private void appendValue(@Nullable Object value) {
        switch (value) {
            case null -> line.append("\\N");
            case String text -> escape(text);
            case BigDecimal number -> line.append(number.toPlainString());
            case Number number -> line.append(number);
            case Boolean flag -> line.append(flag ? 't' : 'f');
            case LocalDate date -> line.append(date);
            case Collection<?> items -> escape(arrayLiteral(items));
            default -> throw new IllegalArgumentException("Cannot copy a " + value.getClass().getSimpleName());
        }
    }

    /** {"a","b \"c\""}: every element quoted, so commas, braces and blanks inside need no thought. */
    private static String arrayLiteral(Collection<?> items) {
        StringBuilder literal = new StringBuilder("{");
        for (Object item : items) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"')
                    .append(String.valueOf(item).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\0' -> throw new IllegalArgumentException("PostgreSQL text cannot contain NUL");
                default -> line.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (buffer.size() > 0) {
            byte[] bytes = buffer.toByteArray();
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.reset();
        }
    }

    /** Sends what is left and ends the COPY; returns the number of rows PostgreSQL stored. */
    long finish() throws SQLException {
        flush();
        finished = true;
        long stored = copy.endCopy();
        if (stored != rows) {
            throw new SQLException("COPY stored " + stored + " rows, " + rows + " were sent");
        }
        return stored;
    }

    @Override
    public void close() throws SQLException {
        if (!finished && copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
