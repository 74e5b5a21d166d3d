package trade.caravan.shared;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An ISO 3166-1 alpha-2 country code, upper case. Only the shape is checked here; whether the
 * code names a country is the reference module's business ({@code Countries}).
 */
public record CountryCode(String value) implements Serializable {

    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    public CountryCode {
        if (value == null || !ALPHA_2.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an ISO 3166-1 alpha-2 code: " + value);
        }
    }

    public static CountryCode of(String value) {
        return new CountryCode(value == null ? null : value.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
