package trade.caravan.reference.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * ISO 4217 currencies from datasets/currency-codes. The file has a row per entity (country) and
 * currency; a code is stored once, as current if any entity still uses it.
 */
@Component
class CurrencyCodesDataset implements ReferenceDataset {

    static final String FILE = "currencies/iso4217-codes-all.csv";
    private static final Pattern ALPHA = Pattern.compile("[A-Z]{3}");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]{3}");
    private static final Pattern MINOR_UNITS = Pattern.compile("[0-9]");

    private final String file;

    CurrencyCodesDataset() {
        this(FILE);
    }

    CurrencyCodesDataset(String file) {
        this.file = file;
    }

    @Override
    public Description description() {
        return new Description("currencies", 1, List.of(file), List.of("reference.currency"));
    }

    private record Entry(String code, @Nullable String numeric, String name, @Nullable Integer minorUnits,
            @Nullable String withdrawn) {
    }

    @Override
    public LoadReport load(Connection connection) throws IOException, SQLException {
        Rejections rejections = new Rejections(file);
        Map<String, Entry> currencies = new LinkedHashMap<>();
        long read = 0;
        long withoutCode = 0;
        try (CsvTable table = CsvTable.open(file, 5_000)) {
            int alphabetic = table.column("AlphabeticCode");
            int numeric = table.column("NumericCode");
            int name = table.column("Currency");
            int minorUnit = table.column("MinorUnit");
            int withdrawal = table.column("WithdrawalDate");
            for (CsvTable.Row row : table) {
                read++;
                try {
                    if (row.get(alphabetic).isBlank()) {
                        withoutCode++; // "No universal currency" (Antarctica, Palestine, ...)
                        continue;
                    }
                    String code = Fields.matching(row.get(alphabetic), ALPHA, "alphabetic code");
                    String numericCode = Fields.text(row.get(numeric), 3, "numeric code");
                    if (numericCode != null && !NUMERIC.matcher(numericCode).matches()) {
                        throw new RowRejected("numeric code is not three digits");
                    }
                    String units = row.get(minorUnit).strip();
                    var entry = new Entry(code, numericCode, Fields.required(row.get(name), 200, "name"),
                            MINOR_UNITS.matcher(units).matches() ? Integer.valueOf(units) : null, // "N.A.", "-"
                            Fields.text(row.get(withdrawal), 40, "withdrawal date"));
                    currencies.merge(code, entry, CurrencyCodesDataset::preferCurrent);
                } catch (RowRejected e) {
                    rejections.add(row.line(), e);
                }
            }
        }
        try (CopyRows copy = CopyRows.into(connection, "reference.currency",
                "code", "numeric_code", "name", "minor_units", "withdrawn")) {
            for (Entry entry : currencies.values()) {
                copy.add(entry.code(), entry.numeric(), entry.name(), entry.minorUnits(), entry.withdrawn());
            }
            long stored = copy.finish();
            var notes = new java.util.ArrayList<>(rejections.check(read));
            notes.add(withoutCode + " entities without a currency of their own skipped");
            return new LoadReport(stored, notes);
        }
    }

    /** A code in use anywhere is current; among withdrawn entries the first one listed stands. */
    private static Entry preferCurrent(Entry first, Entry next) {
        return first.withdrawn() != null && next.withdrawn() == null ? next : first;
    }
}
