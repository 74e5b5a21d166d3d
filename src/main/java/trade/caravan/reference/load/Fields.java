package trade.caravan.reference.load;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks for the fields of bundled files. Text is trimmed (no-break spaces included, which the
 * country file uses for "empty"), must fit a length and may not contain control characters;
 * anything else rejects the row.
 */
final class Fields {

    private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,6}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,20})?");

    private Fields() {
    }

    /** The trimmed text, or {@code null} if it is empty. */
    static @Nullable String text(String raw, int maxLength, String field) throws RowRejected {
        String value = raw.replace('\u00A0', ' ').strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new RowRejected(field + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new RowRejected(field + " contains a control character");
            }
        }
        return value;
    }

    static String required(String raw, int maxLength, String field) throws RowRejected {
        String value = text(raw, maxLength, field);
        if (value == null) {
            throw new RowRejected(field + " is empty");
        }
        return value;
    }

    static String matching(String raw, Pattern pattern, String field) throws RowRejected {
        String value = raw.strip();
        if (!pattern.matcher(value).matches()) {
            throw new RowRejected(field + " is not of the form " + pattern.pattern());
        }
        return value;
    }

    static @Nullable Integer smallNumber(String raw, String field) throws RowRejected {
        String value = raw.replace('\u00A0', ' ').strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!SMALL_NUMBER.matcher(value).matches()) {
            throw new RowRejected(field + " is not a number");
        }
        return Integer.valueOf(value);
    }

    /** A plain decimal within {@code [min, max]}; exponents, NaN and infinities are refused. */
    static BigDecimal decimal(String raw, BigDecimal min, BigDecimal max, String field) throws RowRejected {
        String value = raw.strip();
        if (!DECIMAL.matcher(value).matches()) {
            throw new RowRejected(field + " is not a decimal number");
        }
        BigDecimal number = new BigDecimal(value);
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw new RowRejected(field + " is out of range");
        }
        return number;
    }
}
