package trade.caravan.reference;

import java.util.Locale;
import java.util.regex.Pattern;

import trade.caravan.shared.CountryCode;

/**
 * A UN/LOCODE: the ISO 3166-1 alpha-2 country code followed by three letters or digits naming a
 * place in it ("DEHAM" for Hamburg). Only the shape is checked; {@link Locations} says whether the
 * code list has it. A space between the two parts ("DE HAM") is accepted and removed.
 */
public record UnLocode(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}");

    public UnLocode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a UN/LOCODE: " + value);
        }
    }

    public static UnLocode of(String value) {
        return new UnLocode(value == null ? null : value.replace(" ", "").trim().toUpperCase(Locale.ROOT));
    }

    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value.replace(" ", "").trim().toUpperCase(Locale.ROOT)).matches();
    }

    public CountryCode country() {
        return new CountryCode(value.substring(0, 2));
    }

    /** The three characters after the country code. */
    public String location() {
        return value.substring(2);
    }

    @Override
    public String toString() {
        return value;
    }
}
