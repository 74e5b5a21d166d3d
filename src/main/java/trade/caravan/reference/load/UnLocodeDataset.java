package trade.caravan.reference.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import trade.caravan.reference.TransportFunction;

/**
 * UN/LOCODE locations (geoapify's merge of the code list) and the ISO 3166-2 subdivisions they
 * refer to. Only locations with a transport function are kept; the known defects of the file are
 * mended as its SOURCE.md describes: names that lost their non-ASCII letters fall back to the
 * name without diacritics, mis-quoted names with a comma are rejoined, codes listed once per
 * language keep the other name as an alternative, and coordinates that a geocoder added (from
 * OpenStreetMap, under ODbL) are not loaded.
 */
@Component
class UnLocodeDataset implements ReferenceDataset {

    static final String LOCATIONS = "unlocode/unlocode-geoapify.csv.gz";
    static final String SUBDIVISIONS = "unlocode/subdivision-codes.csv";
    static final Set<TransportFunction> KEPT = Set.of(TransportFunction.PORT, TransportFunction.RAIL,
            TransportFunction.ROAD, TransportFunction.AIRPORT, TransportFunction.MULTIMODAL,
            TransportFunction.FIXED_INSTALLATION, TransportFunction.BORDER_CROSSING);

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern PLACE = Pattern.compile("[A-Z0-9]{3}");
    private static final Pattern FUNCTION = Pattern.compile("[0-9A-Z-]{8}");
    private static final Pattern STATUS = Pattern.compile("[A-Z]{2}");
    private static final Pattern IATA = Pattern.compile("[A-Z0-9]{3}");
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z0-9]{1,3}");
    private static final char LOST_LETTER = '\uFFFD';
    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

    private final String locationsFile;
    private final String subdivisionsFile;

    UnLocodeDataset() {
        this(LOCATIONS, SUBDIVISIONS);
    }

    UnLocodeDataset(String locationsFile, String subdivisionsFile) {
        this.locationsFile = locationsFile;
        this.subdivisionsFile = subdivisionsFile;
    }

    @Override
    public Description description() {
        return new Description("unlocode", 1, List.of(locationsFile, subdivisionsFile), List.of("reference.location", "reference.subdivision"));
    }

    /** One location as it will be stored. */
    record Entry(String unlocode, String country, String name, @Nullable String subdivision, @Nullable String status, String function, @Nullable String iata,
            @Nullable BigDecimal latitude, @Nullable BigDecimal longitude) {

        Set<TransportFunction> functions() {
            return TransportFunction.parse(function);
        }
    }

    /** Receives each kept location, in file order, as soon as it is read. */
    interface Sink {
        void accept(Entry entry) throws SQLException;
    }

    /**
     * What reading found besides the locations themselves: the names of codes listed a second
     * time (by code, in file order), and what was left out or mended.
     */
    record Parsed(long rows, long kept, Map<String, List<String>> alternativeNames, long repaired,
            long withoutTransportFunction, long geocodedCoordinates, long unusableCoordinates, List<String> refusals) {

        long merged() {
            return alternativeNames.values().stream().mapToLong(List::size).sum();
        }
    }

    @Override
    public LoadReport load(Connection connection) throws IOException, SQLException {
        Parsed parsed;
        try (CopyRows copy = CopyRows.into(connection, "reference.location", "unlocode", "country", "name",
                "alternative_names", "name_key", "search_text", "subdivision", "status", "function_code",
                "is_port", "is_rail", "is_road", "is_airport", "is_postal", "is_multimodal", "is_fixed", "is_border",
                "iata", "latitude", "longitude")) {
            // rows go to PostgreSQL while the rest of the file is still being read
            parsed = read(entry -> {
                Set<TransportFunction> functions = entry.functions();
                String nameKey = SearchKeys.fold(entry.name());
                copy.add(entry.unlocode(), entry.country(), entry.name(), List.of(), nameKey, nameKey,
                        entry.subdivision(), entry.status(), entry.function(),
                        functions.contains(TransportFunction.PORT), functions.contains(TransportFunction.RAIL),
                        functions.contains(TransportFunction.ROAD), functions.contains(TransportFunction.AIRPORT),
                        functions.contains(TransportFunction.POSTAL), functions.contains(TransportFunction.MULTIMODAL),
                        functions.contains(TransportFunction.FIXED_INSTALLATION),
                        functions.contains(TransportFunction.BORDER_CROSSING),
                        entry.iata(), entry.latitude(), entry.longitude());
            });
            copy.finish();
        }
        addAlternativeNames(connection, parsed.alternativeNames());
        List<String> notes = new ArrayList<>(parsed.refusals());
        notes.add(parsed.withoutTransportFunction() + " rows without a transport function left out");
        notes.add(parsed.repaired() + " mis-quoted rows mended");
        notes.add(parsed.merged() + " second-language rows kept as alternative names");
        notes.add(parsed.geocodedCoordinates() + " geocoded (OpenStreetMap) coordinates not loaded");
        notes.add(parsed.unusableCoordinates() + " unusable coordinates (NaN, out of range) not loaded");
        long stored = parsed.kept() + copySubdivisions(connection, notes);
        return new LoadReport(stored, notes);
    }

    private static void addAlternativeNames(Connection connection, Map<String, List<String>> alternatives)
            throws SQLException {
        try (var update = connection.prepareStatement("""
                update reference.location
                set alternative_names = ?, search_text = name_key || '|' || ?
                where unlocode = ?
                """)) {
            for (var entry : alternatives.entrySet()) {
                update.setArray(1, connection.createArrayOf("text", entry.getValue().toArray()));
                update.setString(2, String.join("|", entry.getValue().stream().map(SearchKeys::fold).toList()));
                update.setString(3, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    Parsed read(Sink sink) throws IOException, SQLException {
        Rejections rejections = new Rejections(locationsFile);
        Map<String, String> names = new HashMap<>();
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        long rows = 0;
        long repaired = 0;
        long withoutTransport = 0;
        long geocoded = 0;
        long unusable = 0;
        try (CsvTable table = CsvTable.open(locationsFile, 500_000)) {
            var columns = new Columns(table);
            for (CsvTable.Row row : table) {
                rows++;
                try {
                    RawRow fields = columns.fields(row);
                    if (fields.mended()) {
                        repaired++;
                    }
                    Entry entry = entry(fields);
                    if (entry.functions().stream().noneMatch(KEPT::contains)) {
                        withoutTransport++;
                        continue;
                    }
                    String firstName = names.putIfAbsent(entry.unlocode(), entry.name());
                    if (firstName != null) {
                        // the same place under its name in another language: the first row stands
                        List<String> others = alternatives.computeIfAbsent(entry.unlocode(), code -> new ArrayList<>());
                        if (!entry.name().equals(firstName) && !others.contains(entry.name())) {
                            others.add(entry.name());
                        }
                        continue;
                    }
                    if (fields.geocoded() && fields.hasCoordinates()) {
                        geocoded++;
                    } else if (fields.hasCoordinates() && entry.latitude() == null) {
                        unusable++;
                    }
                    sink.accept(entry);
                } catch (RowRejected e) {
                    rejections.add(row.line(), e);
                }
            }
        }
        alternatives.values().removeIf(List::isEmpty);
        return new Parsed(rows, names.size(), alternatives, repaired, withoutTransport, geocoded, unusable,
                rejections.check(rows));
    }

    private static Entry entry(RawRow fields) throws RowRejected {
        String country = Fields.matching(fields.country(), COUNTRY, "country");
        String place = Fields.matching(fields.location(), PLACE, "location");
        String function = Fields.matching(fields.function(), FUNCTION, "function");
        String name = name(fields.name(), fields.nameWithoutDiacritics());
        String subdivision = optional(fields.subdivision(), SUBDIVISION, "subdivision");
        String status = optional(fields.status(), STATUS, "status");
        // "---" stands for "no IATA code" in a few rows
        String iata = fields.iata().strip().equals("---") ? null : optional(fields.iata(), IATA, "iata");
        BigDecimal latitude = null;
        BigDecimal longitude = null;
        if (fields.hasCoordinates() && !fields.geocoded()) {
            try {
                latitude = Fields.decimal(fields.latitude(), MAX_LATITUDE.negate(), MAX_LATITUDE, "lat")
                        .setScale(6, RoundingMode.HALF_EVEN);
                longitude = Fields.decimal(fields.longitude(), MAX_LONGITUDE.negate(), MAX_LONGITUDE, "lon")
                        .setScale(6, RoundingMode.HALF_EVEN);
            } catch (RowRejected unusable) {
                // "NaN" or out of range upstream: the place is real, only its position is unknown
                latitude = null;
                longitude = null;
            }
        }
        return new Entry(country + place, country, name, subdivision, status, function, iata,
                latitude, longitude);
    }

    /** The name, unless the file lost some of its letters; then the name without diacritics. */
    private static String name(String raw, String withoutDiacritics) throws RowRejected {
        String name = Fields.text(raw, 120, "name");
        if (name == null || name.indexOf(LOST_LETTER) >= 0) {
            String ascii = Fields.text(withoutDiacritics, 120, "nameWoDiacritics");
            if (ascii != null) {
                return ascii;
            }
        }
        if (name == null) {
            throw new RowRejected("no name");
        }
        return name;
    }

    private static @Nullable String optional(String raw, Pattern pattern, String field) throws RowRejected {
        String value = raw.strip();
        return value.isEmpty() ? null : Fields.matching(value, pattern, field);
    }

    private long copySubdivisions(Connection connection, List<String> notes) throws IOException, SQLException {
        Rejections rejections = new Rejections(subdivisionsFile);
        Set<String> seen = new HashSet<>();
        long rows = 0;
        try (CsvTable table = CsvTable.open(subdivisionsFile, 50_000);
             CopyRows copy = CopyRows.into(connection, "reference.subdivision", "country", "code", "name", "type")) {
            int country = table.column("SUCountry");
            int code = table.column("SUCode");
            int name = table.column("SUName");
            int type = table.column("SUType");
            for (CsvTable.Row row : table) {
                rows++;
                try {
                    String countryCode = Fields.matching(row.get(country), COUNTRY, "country");
                    String subdivision = Fields.matching(row.get(code), SUBDIVISION, "code");
                    if (!seen.add(countryCode + "-" + subdivision)) {
                        throw new RowRejected("duplicate subdivision " + countryCode + "-" + subdivision);
                    }
                    copy.add(countryCode, subdivision,
                            Fields.required(row.get(name), 200, "name"),
                            Fields.text(row.get(type), 100, "type"));
                } catch (RowRejected e) {
                    rejections.add(row.line(), e);
                }
            }
            notes.addAll(rejections.check(rows));
            return copy.finish();
        }
    }

    /** Where each column is, and how to read a row whose quoting the file got wrong. */
    private static final class Columns {

        private final int country;
        private final int location;
        private final int name;
        private final int nameWithoutDiacritics;
        private final int subdivision;
        private final int status;
        private final int function;
        private final int iata;
        private final int latitude;
        private final int longitude;
        private final int geocoded;

        Columns(CsvTable table) throws IOException {
            country = table.column("country");
            location = table.column("location");
            name = table.column("name");
            nameWithoutDiacritics = table.column("nameWoDiacritics");
            subdivision = table.column("subdivision");
            status = table.column("status");
            function = table.column("function");
            iata = table.column("iata");
            latitude = table.column("lat");
            longitude = table.column("lon");
            geocoded = table.column("geocoded");
        }

        /**
         * A name with a comma was written {@code """Ageo-Shi"," Saitama"""}: it reads as two fields
         * {@code "Ageo-Shi} and {@code  Saitama"} (twice, for both name columns), and the status and
         * IATA columns are missing, so what follows is subdivision, function, lat, lon, geocoded.
         */
        RawRow fields(CsvTable.Row row) {
            String first = row.get(name);
            if (row.size() == 11 && first.startsWith("\"") && row.get(name + 1).endsWith("\"")
                    && row.get(name + 2).startsWith("\"") && row.get(name + 3).endsWith("\"")
                    && !FUNCTION.matcher(row.get(function)).matches()
                    && FUNCTION.matcher(row.get(function + 1)).matches()) {
                return new RawRow(row.get(country), row.get(location),
                        rejoin(first, row.get(name + 1)), rejoin(row.get(name + 2), row.get(name + 3)),
                        row.get(name + 4), "", row.get(name + 5), "", row.get(name + 6), row.get(name + 7),
                        row.get(name + 8), true);
            }
            return new RawRow(row.get(country), row.get(location), row.get(name), row.get(nameWithoutDiacritics),
                    row.get(subdivision), row.get(status), row.get(function), row.get(iata), row.get(latitude),
                    row.get(longitude), row.get(geocoded), false);
        }

        private static String rejoin(String head, String tail) {
            return head.substring(1) + "," + tail.substring(0, tail.length() - 1);
        }
    }

    /** The fields of one row, after mending. */
    private record RawRow(String country, String location, String name, String nameWithoutDiacritics,
            String subdivision, String status, String function, String iata, String latitude, String longitude,
            String geocodedFlag, boolean mended) {

        boolean geocoded() {
            return "true".equalsIgnoreCase(geocodedFlag.strip());
        }

        boolean hasCoordinates() {
            return !latitude.isBlank() && !longitude.isBlank();
        }
    }
}
