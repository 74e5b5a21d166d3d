package trade.caravan.reference;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * An ISO 3166-1 country or territory with its UN M49 regions and the ISO 4217 currencies it uses
 * (some use several: Namibia uses NAD and ZAR). {@code name} is the CLDR English short name.
 */
public record Country(
        CountryCode code,
        String alpha3,
        String numericCode,
        String name,
        @Nullable String nameChinese,
        @Nullable Region region,
        @Nullable Region subRegion,
        @Nullable Region intermediateRegion,
        List<CurrencyCode> currencies,
        @Nullable String capital,
        boolean independent) {

    public Country {
        currencies = List.copyOf(currencies);
    }

    /**
     * The name in the reader's language: the UN's official Chinese short name for Chinese, the
     * JDK's CLDR name for other languages, and the English name when neither knows the code.
     */
    public String displayName(Locale locale) {
        if ("zh".equals(locale.getLanguage()) && nameChinese != null && !nameChinese.isBlank()) {
            return nameChinese;
        }
        if ("en".equals(locale.getLanguage())) {
            return name;
        }
        String cldr = Locale.of("", code.value()).getDisplayCountry(locale);
        return cldr.isBlank() || cldr.equals(code.value()) ? name : cldr;
    }
}
