package trade.caravan.reference;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Harmonized System code: a chapter (2 digits), heading (4) or subheading (6). Only the shape is
 * checked here; {@link HsNomenclature#validate(String)} says whether HS 2022 has it. Dots and spaces
 * that people type ("0901.11", "0901 11") are removed.
 */
public record HsCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{2}|[0-9]{4}|[0-9]{6}");
    private static final Pattern SEPARATORS = Pattern.compile("[.\\s]");

    public HsCode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an HS code of 2, 4 or 6 digits: " + value);
        }
    }

    public static HsCode of(String value) {
        return new HsCode(value == null ? null : SEPARATORS.matcher(value).replaceAll("").toUpperCase(Locale.ROOT));
    }

    /** Whether {@code value} has the shape of an HS code once separators are removed. */
    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(SEPARATORS.matcher(value).replaceAll("")).matches();
    }

    public HsLevel level() {
        return switch (value.length()) {
            case 2 -> HsLevel.CHAPTER;
            case 4 -> HsLevel.HEADING;
            default -> HsLevel.SUBHEADING;
        };
    }

    /** The code as printed in tariffs and on documents: "8516.71", "8516", "85". */
    public String dotted() {
        return value.length() == 6 ? value.substring(0, 4) + "." + value.substring(4) : value;
    }

    public HsCode chapter() {
        return new HsCode(value.substring(0, 2));
    }

    @Override
    public String toString() {
        return value;
    }
}
