package trade.caravan.reference;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.CurrencyCode;

/**
 * An ISO 4217 currency. {@code minorUnits} is the number of decimal places of its minor unit
 * (2 for EUR, 0 for JPY, 3 for KWD), absent where ISO 4217 says "N.A." (gold, SDR). A withdrawn
 * code carries its withdrawal date as ISO 4217 states it ("2002-03", "1989 to 1990").
 */
public record Currency(
        CurrencyCode code,
        @Nullable String numericCode,
        String name,
        @Nullable Integer minorUnits,
        @Nullable String withdrawn) {

    public boolean current() {
        return withdrawn == null;
    }

    /**
     * For choosing a currency: its code and its name in the reader's language, or the code alone
     * when that language has no name for it (rather than an English name on a Chinese page).
     */
    public String label(Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            return code.value() + " - " + name;
        }
        try {
            String cldr = java.util.Currency.getInstance(code.value()).getDisplayName(locale);
            return cldr.equals(code.value()) || cldr.equals(name) ? code.value() : code.value() + " - " + cldr;
        } catch (IllegalArgumentException unknownToTheJdk) {
            return code.value();
        }
    }

    /** The ISO 4217 name in English, the JDK's CLDR name in other languages when it has one. */
    public String displayName(Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            return name;
        }
        try {
            String cldr = java.util.Currency.getInstance(code.value()).getDisplayName(locale);
            return cldr.equals(code.value()) ? name : cldr;
        } catch (IllegalArgumentException unknownToTheJdk) {
            return name;
        }
    }
}
