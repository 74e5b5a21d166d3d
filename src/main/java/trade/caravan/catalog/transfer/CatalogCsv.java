package trade.caravan.catalog.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The catalog file format (docs/catalog-import-format.md): one row per product, a header naming
 * the columns, RFC 4180 quoting, UTF-8. The rules shared by import and export live here, so a file
 * exported and imported again says the same thing.
 */
final class CatalogCsv {

    static final String ID = "id";
    static final String SKU = "sku";
    static final String STATUS = "status";
    static final String HS_CODE = "hs_code";
    static final String DEFAULT_LOCALE = "default_locale";
    static final String TITLE_PREFIX = "title_";
    static final String DESCRIPTION_PREFIX = "description_";
    static final String SPECIFICATIONS = "specifications";
    static final String UNIT = "unit";
    static final String MOQ = "moq";
    static final String CURRENCY = "currency";
    static final String TIERS = "tiers";
    static final String LEAD_TIME_DAYS = "lead_time_days";
    static final String ORIGIN = "origin";
    static final String PORT_OF_LOADING = "port_of_loading";
    static final String CERTIFICATIONS = "certifications";
    static final String UNITS_PER_CARTON = "units_per_carton";
    static final String CARTON_LENGTH_MM = "carton_length_mm";
    static final String CARTON_WIDTH_MM = "carton_width_mm";
    static final String CARTON_HEIGHT_MM = "carton_height_mm";
    static final String CARTON_GROSS_WEIGHT_G = "carton_gross_weight_g";
    static final String IMAGES = "images";

    /** The columns before the languages' title and description columns, in export order. */
    static final List<String> LEADING = List.of(ID, SKU, STATUS, HS_CODE, DEFAULT_LOCALE);
    /** The columns after them, in export order. */
    static final List<String> TRAILING = List.of(SPECIFICATIONS, UNIT, MOQ, CURRENCY, TIERS, LEAD_TIME_DAYS, ORIGIN,
            PORT_OF_LOADING, CERTIFICATIONS, UNITS_PER_CARTON, CARTON_LENGTH_MM, CARTON_WIDTH_MM, CARTON_HEIGHT_MM,
            CARTON_GROSS_WEIGHT_G, IMAGES);
    /** Columns every file must have (and at least one {@code title_<language>}). */
    static final Set<String> REQUIRED = Set.of(HS_CODE, DEFAULT_LOCALE, UNIT, MOQ, CURRENCY, TIERS, LEAD_TIME_DAYS,
            ORIGIN);
    static final List<String> PACKAGING = List.of(UNITS_PER_CARTON, CARTON_LENGTH_MM, CARTON_WIDTH_MM,
            CARTON_HEIGHT_MM, CARTON_GROSS_WEIGHT_G);

    /** Separates the items of a list cell (tiers, specifications, certifications, images). */
    static final char ITEM = '|';
    /** Separates a specification's name from its value. */
    static final char NAME_VALUE = '=';
    /** Separates a quantity from its unit price in a tier. */
    static final char QUANTITY_PRICE = ':';
    /** Escapes a separator inside a name or value: {@code \|}, {@code \=}, {@code \\}. */
    static final char ESCAPE = '\\';

    /** Written before a cell a spreadsheet would take for a formula (OWASP "CSV injection"). */
    static final char FORMULA_GUARD = '\'';

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setQuoteMode(QuoteMode.MINIMAL)
            .setRecordSeparator("\r\n")
            .get();

    private CatalogCsv() {
    }

    static List<String> columns(List<String> languages) {
        List<String> columns = new ArrayList<>(LEADING);
        for (String language : languages) {
            columns.add(TITLE_PREFIX + language);
            columns.add(DESCRIPTION_PREFIX + language);
        }
        columns.addAll(TRAILING);
        return columns;
    }

    /**
     * A cell as written: one that a spreadsheet would evaluate (it starts with {@code = + - @}, a
     * tab or a carriage return, perhaps behind guards already there) gets one more guard in front,
     * so Excel and LibreOffice show it as text and {@link #unguarded} gives the value back exactly.
     */
    static String guarded(String value) {
        return startsFormula(value, 0) ? FORMULA_GUARD + value : value;
    }

    /** A cell as read: the one guard {@link #guarded} adds is removed, nothing else. */
    static String unguarded(String value) {
        return !value.isEmpty() && value.charAt(0) == FORMULA_GUARD && startsFormula(value, 1)
                ? value.substring(1)
                : value;
    }

    /** Whether the first character after any guards from {@code from} on starts a formula. */
    private static boolean startsFormula(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) == FORMULA_GUARD) {
            i++;
        }
        if (i == value.length()) {
            return false;
        }
        char first = value.charAt(i);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** Joins list items already escaped with {@link #escaped}. */
    static String joined(List<String> items) {
        return String.join(String.valueOf(ITEM), items);
    }

    /** The text with the item separator, the escape and any of {@code specials} escaped. */
    static String escaped(String text, String specials) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ITEM || c == ESCAPE || specials.indexOf(c) >= 0) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /**
     * Splits a cell at unescaped {@code separator}s; escapes are kept for the next split and
     * removed by {@link #unescaped}. Blank cells have no items.
     */
    static List<String> split(String cell, char separator) {
        List<String> parts = new ArrayList<>();
        if (cell.isBlank()) {
            return parts;
        }
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ESCAPE && i + 1 < cell.length()) {
                part.append(c).append(cell.charAt(++i));
            } else if (c == separator) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** Splits at the first unescaped {@code separator}: one part if there is none. */
    static List<String> splitOnce(String text, char separator) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE) {
                i++;
            } else if (c == separator) {
                return List.of(text.substring(0, i), text.substring(i + 1));
            }
        }
        return List.of(text);
    }

    static String unescaped(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }

    /** A header cell as compared: trimmed, the fixed part lower case; language tags as written. */
    static String columnKey(String header) {
        String name = header.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(TITLE_PREFIX)) {
            return TITLE_PREFIX + name.substring(TITLE_PREFIX.length());
        }
        if (lower.startsWith(DESCRIPTION_PREFIX)) {
            return DESCRIPTION_PREFIX + name.substring(DESCRIPTION_PREFIX.length());
        }
        return lower;
    }
}
