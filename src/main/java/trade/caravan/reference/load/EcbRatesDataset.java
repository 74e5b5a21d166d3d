package trade.caravan.reference.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The ECB's euro foreign exchange reference rates since 1999 (eurofxref-hist.csv): a wide table of
 * publication days by currency, in units of the currency per euro. Stored one row per day with
 * the day's rates as a JSON object, and one row per currency with the span of its series. "N/A"
 * marks days outside a currency's series.
 */
@Component
class EcbRatesDataset implements ReferenceDataset {

    static final String FILE = "ecb/eurofxref-hist.csv.gz";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String NOT_AVAILABLE = "N/A";
    private static final LocalDate FIRST_PUBLICATION = LocalDate.of(1999, 1, 4);
    private static final BigDecimal SMALLEST = new BigDecimal("0.000001");
    private static final BigDecimal LARGEST = new BigDecimal("1000000000");

    private final String file;

    EcbRatesDataset() {
        this(FILE);
    }

    EcbRatesDataset(String file) {
        this.file = file;
    }

    @Override
    public Description description() {
        return new Description("ecb-rates", 1, List.of(file), List.of("reference.ecb_publication", "reference.ecb_series"));
    }

    private record Span(LocalDate first, LocalDate last) {

        Span with(LocalDate day) {
            return new Span(day.isBefore(first) ? day : first, day.isAfter(last) ? day : last);
        }
    }

    @Override
    public LoadReport load(Connection connection) throws IOException, SQLException {
        Rejections rejections = new Rejections(file);
        Map<String, Span> series = new TreeMap<>();
        long days = 0;
        long quotes = 0;
        long stored;
        try (CsvTable table = CsvTable.open(file, 100_000);
             CopyRows copy = CopyRows.into(connection, "reference.ecb_publication", "day", "rates")) {
            int date = table.column("Date");
            List<String> header = table.columnNames();
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (i == date || name.isEmpty()) {
                    continue; // every line ends with a comma: an unnamed empty last column
                }
                if (!CURRENCY.matcher(name).matches() || "EUR".equals(name) || header.indexOf(name) != i) {
                    throw new IOException(file + ": column \"" + name + "\" is not a currency quoted against the euro");
                }
                indexes.add(i);
            }
            Set<LocalDate> seen = new HashSet<>();
            for (CsvTable.Row row : table) {
                days++;
                try {
                    LocalDate day = day(row.get(date));
                    if (!seen.add(day)) {
                        throw new RowRejected("day " + day + " listed twice");
                    }
                    StringBuilder rates = new StringBuilder("{");
                    List<String> quoted = new ArrayList<>();
                    for (int index : indexes) {
                        String cell = row.get(index).strip();
                        if (cell.isEmpty() || NOT_AVAILABLE.equals(cell)) {
                            continue;
                        }
                        String currency = header.get(index);
                        BigDecimal rate = Fields.decimal(cell, SMALLEST, LARGEST, currency);
                        // keys are three capital letters and values plain decimals: valid JSON as written
                        rates.append(quoted.isEmpty() ? "" : ",").append('"').append(currency).append("\":")
                                .append(rate.toPlainString());
                        quoted.add(currency);
                    }
                    copy.add(day, rates.append('}').toString());
                    quotes += quoted.size();
                    for (String currency : quoted) {
                        series.merge(currency, new Span(day, day), (span, next) -> span.with(day));
                    }
                } catch (RowRejected e) {
                    rejections.add(row.line(), e);
                }
            }
            stored = copy.finish();
        }
        try (CopyRows copy = CopyRows.into(connection, "reference.ecb_series", "currency", "first_day", "last_day")) {
            for (var entry : series.entrySet()) {
                copy.add(entry.getKey(), entry.getValue().first(), entry.getValue().last());
            }
            stored += copy.finish();
        }
        List<String> notes = new ArrayList<>(rejections.check(days));
        notes.add(days + " publication days, " + series.size() + " currencies, " + quotes + " rates");
        return new LoadReport(stored, notes);
    }

    private static LocalDate day(String raw) throws RowRejected {
        try {
            LocalDate day = LocalDate.parse(raw.strip());
            if (day.isBefore(FIRST_PUBLICATION)) {
                throw new RowRejected("day " + day + " is before the first ECB publication");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new RowRejected("not a date: " + raw.strip());
        }
    }
}
