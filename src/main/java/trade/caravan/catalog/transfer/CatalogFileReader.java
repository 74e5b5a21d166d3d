package trade.caravan.catalog.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.CertificationKind;
import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductStatus;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.catalog.product.ProductBulk;
import trade.caravan.catalog.product.ProductDetails;
import trade.caravan.platform.InvalidInput;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

import static trade.caravan.catalog.transfer.CatalogCsv.CERTIFICATIONS;
import static trade.caravan.catalog.transfer.CatalogCsv.CURRENCY;
import static trade.caravan.catalog.transfer.CatalogCsv.DEFAULT_LOCALE;
import static trade.caravan.catalog.transfer.CatalogCsv.DESCRIPTION_PREFIX;
import static trade.caravan.catalog.transfer.CatalogCsv.HS_CODE;
import static trade.caravan.catalog.transfer.CatalogCsv.ID;
import static trade.caravan.catalog.transfer.CatalogCsv.IMAGES;
import static trade.caravan.catalog.transfer.CatalogCsv.LEAD_TIME_DAYS;
import static trade.caravan.catalog.transfer.CatalogCsv.MOQ;
import static trade.caravan.catalog.transfer.CatalogCsv.ORIGIN;
import static trade.caravan.catalog.transfer.CatalogCsv.PORT_OF_LOADING;
import static trade.caravan.catalog.transfer.CatalogCsv.SKU;
import static trade.caravan.catalog.transfer.CatalogCsv.SPECIFICATIONS;
import static trade.caravan.catalog.transfer.CatalogCsv.STATUS;
import static trade.caravan.catalog.transfer.CatalogCsv.TIERS;
import static trade.caravan.catalog.transfer.CatalogCsv.TITLE_PREFIX;
import static trade.caravan.catalog.transfer.CatalogCsv.UNIT;
import static trade.caravan.catalog.transfer.CatalogCsv.UNITS_PER_CARTON;

/**
 * Reads a catalog CSV file into product rows, reporting every problem it can see without the
 * database: the file's encoding and limits, its header, and each cell (numbers, codes, lists) with
 * the rules of {@link ProductDetails}. Problems name the line and the column as the file has them.
 * A problem with the file itself (encoding, size, header) stops the reading; problems in rows do
 * not: every row is read, so the user sees all of them at once.
 */
final class CatalogFileReader {

    /** The limits a file must keep ({@code caravan.catalog.import.*}). */
    record Limits(long maxBytes, int maxRows, int maxCellChars, int maxRecordChars) {
    }

    /** One language of the file and its columns as the header spells them. */
    record Language(String tag, @Nullable String titleColumn, @Nullable String descriptionColumn) {
    }

    /**
     * A data row: its line, whom it names, and its details if they could be built at all.
     * {@code badColumns} had a problem already; later rules say nothing more about them.
     */
    record Row(long line, @Nullable ProductId id, @Nullable String sku, @Nullable ProductStatus status,
            @Nullable ProductDetails details, Set<String> badColumns, boolean identityProblem) {

        ProductBulk.Row toBulk() {
            return new ProductBulk.Row((int) line, id, sku, status, Objects.requireNonNull(details));
        }
    }

    /**
     * What the file says. {@code stopped}: a problem with the file itself (encoding, size, header,
     * quoting) ended the reading, and the rows read so far are not worth checking further.
     */
    record ParsedFile(List<Language> languages, Map<String, String> columnNames, ProductBulk.Given given,
            List<Row> rows, List<ImportProblem> problems, boolean stopped) {

        static ParsedFile refused(List<ImportProblem> problems) {
            return new ParsedFile(List.of(), Map.of(), new ProductBulk.Given(false, false, false), List.of(), problems,
                    true);
        }
    }

    static final int MAX_SKU = 64;
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,15}");
    private static final Pattern NEGATIVE = Pattern.compile("-[0-9]+");
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}([,' \u00A0\u202F][0-9]{3})+");
    private static final Pattern FRACTION = Pattern.compile("[0-9]+[.,][0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,15})?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[0-9]+,[0-9]{1,2}|[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?");
    private static final Pattern GROUPED_DECIMAL = Pattern.compile("[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2}");
    /** Decimal places assumed for prices while the currency is unknown (ISO 4217 has none with more). */
    private static final int MOST_MINOR_DIGITS = 4;

    private final Limits limits;
    private final Function<CurrencyCode, OptionalInt> minorDigits;

    CatalogFileReader(Limits limits, Function<CurrencyCode, OptionalInt> minorDigits) {
        this.limits = limits;
        this.minorDigits = minorDigits;
    }

    ParsedFile read(InputStream input) {
        List<ImportProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Header header = null;
        long endOfLast = 0;
        try (var reader = new BoundedUtf8Reader(input, limits.maxBytes(), limits.maxRecordChars());
                CSVParser parser = CatalogCsv.FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = endOfLast + 1;
                endOfLast = parser.getCurrentLineNumber();
                if (blank(record)) {
                    continue;
                }
                if (header == null) {
                    header = header(line, record, problems);
                    if (header == null) {
                        return ParsedFile.refused(problems);
                    }
                    continue;
                }
                if (rows.size() == limits.maxRows()) {
                    problems.add(ImportProblem.of(0, null, "error.import.too-many-rows", limits.maxRows()));
                    return ParsedFile.refused(problems);
                }
                rows.add(row(line, record, header, problems));
            }
        } catch (UncheckedIOException | IOException failure) {
            Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
            if (cause instanceof BoundedUtf8Reader.Refusal refusal) {
                return ParsedFile.refused(List.of(ImportProblem.of(refusal.line(), null, refusal.code(),
                        refusal.arguments())));
            }
            // commons-csv: a quote left open, or text after a closing quote
            return ParsedFile.refused(List.of(ImportProblem.of(endOfLast + 1, null, "error.import.malformed",
                    endOfLast + 1)));
        }
        if (header == null) {
            return ParsedFile.refused(List.of(ImportProblem.of(0, null, "error.import.empty")));
        }
        if (rows.isEmpty()) {
            return ParsedFile.refused(List.of(ImportProblem.of(0, null, "error.import.no-rows")));
        }
        duplicates(rows, problems);
        Header read = header;
        Map<String, String> columnNames = new HashMap<>();
        read.positions().forEach((key, position) -> columnNames.put(key, read.names().get(position)));
        return new ParsedFile(header.languages(), Map.copyOf(columnNames),
                new ProductBulk.Given(header.has(SKU), header.has(STATUS), header.has(IMAGES)), rows, problems, false);
    }

    private record Header(List<String> names, Map<String, Integer> positions, List<Language> languages) {

        boolean has(String column) {
            return positions.containsKey(column);
        }
    }

    private static @Nullable Header header(long line, CSVRecord record, List<ImportProblem> problems) {
        int before = problems.size();
        List<String> names = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        Map<String, String[]> languages = new LinkedHashMap<>();
        if (record.size() == 1 && record.get(0).indexOf(';') >= 0) {
            problems.add(ImportProblem.of(line, null, "error.import.semicolons"));
            return null;
        }
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            names.add(name);
            String key = CatalogCsv.columnKey(name);
            if (name.isEmpty()) {
                problems.add(ImportProblem.of(line, null, "error.import.column-blank", i + 1));
                continue;
            }
            boolean title = key.startsWith(TITLE_PREFIX);
            if (title || key.startsWith(DESCRIPTION_PREFIX)) {
                String tag = languageTag(key.substring(title ? TITLE_PREFIX.length() : DESCRIPTION_PREFIX.length()));
                if (tag == null) {
                    problems.add(ImportProblem.of(line, name, "error.import.column-language"));
                    continue;
                }
                String[] columns = languages.computeIfAbsent(tag, t -> new String[2]);
                if (columns[title ? 0 : 1] != null) {
                    problems.add(ImportProblem.of(line, name, "error.import.column-repeated"));
                    continue;
                }
                columns[title ? 0 : 1] = name;
                key = (title ? TITLE_PREFIX : DESCRIPTION_PREFIX) + tag;
            } else if (!CatalogCsv.LEADING.contains(key) && !CatalogCsv.TRAILING.contains(key)) {
                problems.add(ImportProblem.of(line, name, "error.import.column-unknown"));
                continue;
            }
            if (positions.putIfAbsent(key, i) != null) {
                problems.add(ImportProblem.of(line, name, "error.import.column-repeated"));
            }
        }
        for (String required : CatalogCsv.REQUIRED.stream().sorted().toList()) {
            if (!positions.containsKey(required)) {
                problems.add(ImportProblem.of(line, required, "error.import.column-missing"));
            }
        }
        if (languages.values().stream().noneMatch(columns -> columns[0] != null)) {
            problems.add(ImportProblem.of(line, TITLE_PREFIX + "en", "error.import.column-missing"));
        }
        if (problems.size() > before) {
            return null;
        }
        List<Language> languageList = languages.entrySet().stream()
                .map(e -> new Language(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new Header(names, positions, languageList);
    }

    /** Reads the cells of one data row; each problem is added with its line and column. */
    private Row row(long line, CSVRecord record, Header header, List<ImportProblem> problems) {
        var cells = new Cells(line, record, header, problems);
        if (record.size() != header.names().size()) {
            problems.add(ImportProblem.of(line, null, "error.import.cell-count", record.size(), header.names().size()));
            return new Row(line, null, null, null, null, Set.of(), true);
        }
        ProductId id = cells.id();
        String sku = cells.sku();
        ProductStatus status = cells.status();
        boolean identityProblem = cells.bad.contains(ID) || cells.bad.contains(SKU);

        List<ProductDetails.Text> texts = new ArrayList<>();
        for (Language language : header.languages()) {
            String title = language.titleColumn() == null ? "" : cells.text(TITLE_PREFIX + language.tag());
            String description = language.descriptionColumn() == null ? null
                    : cells.text(DESCRIPTION_PREFIX + language.tag());
            texts.add(new ProductDetails.Text(language.tag(), title, description));
        }
        UnitOfMeasure unit = cells.unit();
        long moq = cells.whole(MOQ, 1, true);
        CurrencyCode currency = cells.currency();
        List<ProductDetails.PriceTier> tiers = cells.tiers(currency);
        int leadTime = (int) cells.whole(LEAD_TIME_DAYS, 0, true);
        CountryCode origin = cells.origin();
        ProductDetails details = null;
        try {
            details = new ProductDetails(cells.text(HS_CODE), cells.text(DEFAULT_LOCALE), texts,
                    cells.specifications(), unit, moq, currency, tiers, leadTime, origin,
                    cells.optional(PORT_OF_LOADING), cells.certifications(), cells.packaging(), cells.images());
        } catch (InvalidInput invalid) {
            // tiers are checked against the quantity and currency read: when either was unreadable, a
            // second problem on the tiers would only echo the first
            boolean tiersUncheckable = cells.bad.contains(MOQ) || cells.bad.contains(CURRENCY);
            for (InvalidInput.Violation violation : invalid.violations()) {
                if (tiersUncheckable && violation.field().startsWith("tiers")) {
                    continue;
                }
                cells.violation(violation.field(), violation.messageCode(), violation.arguments());
            }
        }
        return new Row(line, id, sku, status, details, Set.copyOf(cells.bad), identityProblem);
    }

    /**
     * The column a rule's field belongs to, as the file names it: {@code texts[1].title} is the
     * second language's title column, {@code tiers.tiers[0].unitPrice} the tiers column.
     */
    static String column(String field, List<Language> languages) {
        if (field.startsWith("texts[")) {
            int index = Integer.parseInt(field.substring(6, field.indexOf(']')));
            Language language = languages.get(index);
            boolean description = field.endsWith(".description");
            String named = description ? language.descriptionColumn() : language.titleColumn();
            return named != null ? named
                    : (description ? DESCRIPTION_PREFIX : TITLE_PREFIX) + language.tag();
        }
        if (field.equals("texts")) {
            return languages.isEmpty() || languages.getFirst().titleColumn() == null ? TITLE_PREFIX + "en"
                    : languages.getFirst().titleColumn();
        }
        String root = field.replaceFirst("[.\\[].*$", "");
        return switch (root) {
            case "id" -> ID;
            case "sku" -> SKU;
            case "status" -> STATUS;
            case "hsCode" -> HS_CODE;
            case "defaultLocale" -> DEFAULT_LOCALE;
            case "specifications" -> SPECIFICATIONS;
            case "unit" -> UNIT;
            case "minimumOrderQuantity" -> MOQ;
            case "currency" -> CURRENCY;
            case "tiers" -> TIERS;
            case "leadTimeDays" -> LEAD_TIME_DAYS;
            case "origin" -> ORIGIN;
            case "portOfLoading" -> PORT_OF_LOADING;
            case "certifications" -> CERTIFICATIONS;
            case "packaging" -> UNITS_PER_CARTON;
            case "images" -> IMAGES;
            default -> field;
        };
    }

    /** A column as compared: fixed names lower case, language tags normalized ({@code title_zh_CN} is {@code title_zh-CN}). */
    static String key(String column) {
        String key = CatalogCsv.columnKey(column);
        boolean title = key.startsWith(TITLE_PREFIX);
        if (!title && !key.startsWith(DESCRIPTION_PREFIX)) {
            return key;
        }
        String tag = languageTag(key.substring(title ? TITLE_PREFIX.length() : DESCRIPTION_PREFIX.length()));
        return (title ? TITLE_PREFIX : DESCRIPTION_PREFIX) + (tag == null ? "" : tag);
    }

    /** The same sku or id on two rows: both rows are wrong (which one is meant?). */
    private static void duplicates(List<Row> rows, List<ImportProblem> problems) {
        Map<String, Row> bySku = new HashMap<>();
        Map<ProductId, Row> byId = new HashMap<>();
        Set<Row> flagged = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.sku() != null) {
                Row first = bySku.putIfAbsent(row.sku(), row);
                if (first != null) {
                    problems.add(ImportProblem.of(row.line(), SKU, "error.import.sku-repeated", row.sku(), first.line()));
                    if (flagged.add(first)) {
                        problems.add(ImportProblem.of(first.line(), SKU, "error.import.sku-repeated", row.sku(),
                                row.line()));
                    }
                    flagged.add(row);
                }
            }
            if (row.id() != null) {
                Row first = byId.putIfAbsent(row.id(), row);
                if (first != null) {
                    problems.add(ImportProblem.of(row.line(), ID, "error.import.product-repeated", first.line()));
                    if (flagged.add(first)) {
                        problems.add(ImportProblem.of(first.line(), ID, "error.import.product-repeated", row.line()));
                    }
                    flagged.add(row);
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (flagged.contains(row)) {
                rows.set(i, new Row(row.line(), row.id(), row.sku(), row.status(), row.details(), row.badColumns(),
                        true));
            }
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The language tag of a column, normalized as {@link ProductDetails} does; null if it is none. */
    static @Nullable String languageTag(String tag) {
        if (tag.isBlank() || tag.length() > 35) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
            return locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    /** Up to 40 characters of what the user wrote, for a message, without control characters. */
    static String echo(String value) {
        String clean = value.strip().replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 40 ? clean.substring(0, 39) + "…" : clean;
    }

    /** The cells of one row, read by column name; every problem recorded once per column. */
    private final class Cells {

        private final long line;
        private final CSVRecord record;
        private final Header header;
        private final List<ImportProblem> problems;
        final Set<String> bad = new HashSet<>();

        Cells(long line, CSVRecord record, Header header, List<ImportProblem> problems) {
            this.line = line;
            this.record = record;
            this.header = header;
            this.problems = problems;
        }

        /** The cell's text as the user meant it (the formula guard of an export removed); "" if no column. */
        String text(String column) {
            Integer position = header.positions().get(column);
            if (position == null || position >= record.size()) {
                return "";
            }
            String value = record.get(position);
            if (value.length() > limits.maxCellChars()) {
                problem(column, "error.import.cell-too-long", limits.maxCellChars());
                return "";
            }
            return CatalogCsv.unguarded(value);
        }

        @Nullable String optional(String column) {
            String value = text(column).strip();
            return value.isEmpty() ? null : value;
        }

        void problem(String column, String code, Object... arguments) {
            if (bad.add(column)) {
                problems.add(ImportProblem.of(line, named(column), code, arguments));
            }
        }

        /** A rule of {@link ProductDetails} broken, unless its column had a problem already. */
        void violation(String field, String code, Object... arguments) {
            String column = column(field, header.languages());
            String key = key(column);
            if (bad.add(key)) {
                boolean text = key.startsWith(TITLE_PREFIX) || key.startsWith(DESCRIPTION_PREFIX);
                problems.add(ImportProblem.of(line, text ? column : named(key), code, arguments));
            }
        }

        /** The column as the header spells it. */
        private String named(String column) {
            Integer position = header.positions().get(column);
            return position == null ? column : header.names().get(position);
        }

        @Nullable ProductId id() {
            String value = text(ID).strip();
            if (value.isEmpty()) {
                return null;
            }
            try {
                return new ProductId(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                problem(ID, "error.import.id-invalid", echo(value));
                return null;
            }
        }

        @Nullable String sku() {
            String value = text(SKU).strip();
            if (value.isEmpty()) {
                return null;
            }
            if (value.length() > MAX_SKU || value.chars().anyMatch(Character::isISOControl)) {
                problem(SKU, "error.import.sku-invalid", MAX_SKU);
                return null;
            }
            return value;
        }

        @Nullable ProductStatus status() {
            String value = text(STATUS).strip();
            if (value.isEmpty()) {
                return null;
            }
            try {
                return ProductStatus.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(STATUS, "error.import.status-unknown", echo(value));
                return null;
            }
        }

        @Nullable UnitOfMeasure unit() {
            String value = text(UNIT).strip();
            if (value.isEmpty()) {
                return null;
            }
            var unit = UnitOfMeasure.fromCode(value);
            if (unit.isEmpty()) {
                problem(UNIT, "error.import.unit-unknown", echo(value));
                return null;
            }
            return unit.get();
        }

        @Nullable CurrencyCode currency() {
            String value = text(CURRENCY).strip();
            if (value.isEmpty()) {
                return null;
            }
            if (!CURRENCY_CODE.matcher(value).matches()) {
                problem(CURRENCY, "error.product.currency-unknown", echo(value));
                return null;
            }
            return CurrencyCode.of(value);
        }

        @Nullable CountryCode origin() {
            String value = text(ORIGIN).strip();
            if (value.isEmpty()) {
                return null;
            }
            if (!COUNTRY_CODE.matcher(value).matches()) {
                problem(ORIGIN, "error.product.origin-unknown");
                return null;
            }
            return CountryCode.of(value);
        }

        /** A whole number of at least {@code minimum}; {@code minimum} stands in when it is wrong. */
        long whole(String column, long minimum, boolean required) {
            String value = text(column).strip();
            if (value.isEmpty()) {
                if (required) {
                    problem(column, "error.product.number-missing");
                }
                return minimum;
            }
            String code = wholeNumberProblem(value);
            if (code != null) {
                problem(column, code, minimum);
                return minimum;
            }
            long number = Long.parseLong(value);
            if (number < minimum) {
                problem(column, "error.product.number-minimum", minimum);
                return minimum;
            }
            return number;
        }

        List<ProductDetails.PriceTier> tiers(@Nullable CurrencyCode currency) {
            String cell = text(TIERS);
            List<ProductDetails.PriceTier> tiers = new ArrayList<>();
            if (cell.isBlank()) {
                return tiers;
            }
            int digits = MOST_MINOR_DIGITS;
            if (currency != null) {
                digits = minorDigits.apply(currency).orElse(MOST_MINOR_DIGITS);
            }
            for (String item : CatalogCsv.split(cell, CatalogCsv.ITEM)) {
                List<String> parts = CatalogCsv.splitOnce(item.strip(), CatalogCsv.QUANTITY_PRICE);
                if (parts.size() != 2) {
                    problem(TIERS, "error.import.tiers-syntax");
                    return List.of();
                }
                String quantity = parts.get(0).strip();
                String price = parts.get(1).strip();
                String quantityProblem = wholeNumberProblem(quantity);
                if (quantityProblem != null) {
                    problem(TIERS, quantityProblem, 1);
                    return List.of();
                }
                String priceProblem = decimalProblem(price, digits);
                if (priceProblem != null) {
                    problem(TIERS, priceProblem, digits);
                    return List.of();
                }
                tiers.add(new ProductDetails.PriceTier(Long.parseLong(quantity),
                        new BigDecimal(price).movePointRight(digits).longValueExact()));
            }
            return tiers;
        }

        List<ProductDetails.Specification> specifications() {
            List<ProductDetails.Specification> specifications = new ArrayList<>();
            for (String item : CatalogCsv.split(text(SPECIFICATIONS), CatalogCsv.ITEM)) {
                if (item.isBlank()) {
                    continue;
                }
                List<String> parts = CatalogCsv.splitOnce(item, CatalogCsv.NAME_VALUE);
                if (parts.size() != 2) {
                    problem(SPECIFICATIONS, "error.import.specification-syntax", echo(CatalogCsv.unescaped(item)));
                    return List.of();
                }
                specifications.add(new ProductDetails.Specification(CatalogCsv.unescaped(parts.get(0)).strip(),
                        CatalogCsv.unescaped(parts.get(1)).strip()));
            }
            return specifications;
        }

        List<ProductDetails.Certification> certifications() {
            List<ProductDetails.Certification> certifications = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String item : CatalogCsv.split(text(CERTIFICATIONS), CatalogCsv.ITEM)) {
                if (item.isBlank()) {
                    continue;
                }
                List<String> parts = CatalogCsv.splitOnce(item.strip(), CatalogCsv.QUANTITY_PRICE);
                String kindName = CatalogCsv.unescaped(parts.getFirst()).strip().toUpperCase(Locale.ROOT)
                        .replace(' ', '_').replace('-', '_');
                CertificationKind kind;
                try {
                    kind = CertificationKind.valueOf(kindName);
                } catch (IllegalArgumentException e) {
                    problem(CERTIFICATIONS, "error.import.certification-unknown", echo(parts.getFirst()));
                    return List.of();
                }
                String name = parts.size() == 2 ? CatalogCsv.unescaped(parts.get(1)).strip() : null;
                if (kind != CertificationKind.OTHER && name != null) {
                    problem(CERTIFICATIONS, "error.import.certification-unknown", echo(CatalogCsv.unescaped(item)));
                    return List.of();
                }
                if (!seen.add(kind + ":" + (name == null ? "" : name.toLowerCase(Locale.ROOT)))) {
                    problem(CERTIFICATIONS, "error.import.certification-repeated", echo(CatalogCsv.unescaped(item)));
                    return List.of();
                }
                certifications.add(new ProductDetails.Certification(kind, name, null));
            }
            return certifications;
        }

        ProductDetails.@Nullable Packaging packaging() {
            boolean any = false;
            for (String column : CatalogCsv.PACKAGING) {
                any |= !text(column).isBlank();
            }
            if (!any) {
                return null;
            }
            int[] values = new int[CatalogCsv.PACKAGING.size()];
            for (int i = 0; i < values.length; i++) {
                String column = CatalogCsv.PACKAGING.get(i);
                if (text(column).isBlank()) {
                    problem(column, "error.import.packaging-incomplete");
                    values[i] = 1;
                    continue;
                }
                long value = whole(column, 1, true);
                if (value > Integer.MAX_VALUE) {
                    problem(column, "error.product.packaging-invalid");
                    value = 1;
                }
                values[i] = (int) value;
            }
            return new ProductDetails.Packaging(values[0], values[1], values[2], values[3], values[4]);
        }

        List<UUID> images() {
            List<UUID> images = new ArrayList<>();
            for (String item : CatalogCsv.split(text(IMAGES), CatalogCsv.ITEM)) {
                if (item.isBlank()) {
                    continue;
                }
                try {
                    images.add(UUID.fromString(item.strip()));
                } catch (IllegalArgumentException e) {
                    problem(IMAGES, "error.import.image-invalid", echo(item));
                    return List.of();
                }
            }
            return images;
        }
    }

    /**
     * Why a whole number is not one, or null: digits only, no sign, no thousands separators, no
     * decimals, at most 15 digits (documented in docs/catalog-import-format.md).
     */
    static @Nullable String wholeNumberProblem(String value) {
        if (WHOLE.matcher(value).matches()) {
            return null;
        }
        if (GROUPED.matcher(value).matches() || GROUPED_DECIMAL.matcher(value).matches()) {
            return "error.import.number-grouping";
        }
        if (FRACTION.matcher(value).matches()) {
            return "error.import.number-whole";
        }
        if (NEGATIVE.matcher(value).matches()) {
            return "error.product.number-minimum";
        }
        return "error.product.number-invalid";
    }

    /**
     * Why a price is not one, or null: digits with a dot before the decimals, no more decimals than
     * the currency has, no thousands separators.
     */
    static @Nullable String decimalProblem(String value, int digits) {
        if (DECIMAL.matcher(value).matches()) {
            return new BigDecimal(value).scale() > digits ? "error.product.price-decimals" : null;
        }
        if (GROUPED_DECIMAL.matcher(value).matches()) {
            return "error.import.number-grouping";
        }
        if (DECIMAL_COMMA.matcher(value).matches()) {
            return "error.import.decimal-comma";
        }
        return "error.product.number-invalid";
    }
}
