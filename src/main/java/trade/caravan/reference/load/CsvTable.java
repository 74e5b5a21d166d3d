package trade.caravan.reference.load;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header line, read record by record (RFC 4180 quoting). Columns are looked up
 * by header name, so a reordered file still loads and a file without a required column fails
 * at once; a short record reads as empty fields rather than throwing. The number of records is
 * capped so that a runaway file fails instead of filling the database.
 */
final class CsvTable implements AutoCloseable, Iterable<CsvTable.Row> {

    private final CSVParser parser;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> header;
    private final Iterator<CSVRecord> records;
    private final long maxRows;
    private final String file;

    private CsvTable(String file, Reader reader, long maxRows) throws IOException {
        this.file = file;
        this.maxRows = maxRows;
        this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
        this.records = parser.iterator();
        if (!records.hasNext()) {
            throw new IOException(file + " is empty");
        }
        header = records.next().toList().stream().map(String::strip).toList();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
    }

    static CsvTable open(String file, long maxRows) throws IOException {
        return new CsvTable(file, DatasetFiles.open(file), maxRows);
    }

    static CsvTable of(String name, Reader reader, long maxRows) throws IOException {
        return new CsvTable(name, reader, maxRows);
    }

    /** The index of a required column. */
    int column(String name) throws IOException {
        Integer index = columns.get(name);
        if (index == null) {
            throw new IOException(file + " has no column \"" + name + "\"");
        }
        return index;
    }

    /** The header as written, one name per column position. */
    List<String> columnNames() {
        return header;
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private long count;

            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException e) {
                    throw new IllegalStateException(file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public Row next() {
                if (++count > maxRows) {
                    throw new IllegalStateException(file + " has more than " + maxRows + " records");
                }
                return new Row(records.next());
            }
        };
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** One record; {@link #get} gives "" for a field beyond its end. */
    record Row(CSVRecord record) {

        String get(int index) {
            return index < record.size() ? record.get(index) : "";
        }

        int size() {
            return record.size();
        }

        long line() {
            return record.getRecordNumber();
        }
    }
}
