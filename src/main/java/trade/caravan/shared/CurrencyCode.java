package trade.caravan.shared;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;

/** An ISO 4217 alphabetic currency code, upper case (shape only; see the reference module). */
public record CurrencyCode(String value) implements Serializable {

    private static final Pattern ALPHA_3 = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        if (value == null || !ALPHA_3.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an ISO 4217 code: " + value);
        }
    }

    public static CurrencyCode of(String value) {
        return new CurrencyCode(value == null ? null : value.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
