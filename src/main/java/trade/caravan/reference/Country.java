package trade.caravan.reference;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;

/**
 * An ISO 3166-1 country or territory with its UN M49 regions and the ISO 4217 currencies it uses
 * (some use several: Namibia uses NAD and ZAR). {@code name} is the CLDR English short name,
 * {@code officialNameChinese} the UN's official name in Chinese.
 */
public record Country(
        CountryCode code,
        String alpha3,
        String numericCode,
        String name,
        @Nullable String officialNameChinese,
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
     * The name in the reader's language: the common short name of CLDR (as the JDK has it: "英国",
     * not the official "大不列颠及北爱尔兰联合王国"), else the UN's official Chinese name for Chinese
     * readers, else the English name.
     */
    public String displayName(Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            return name;
        }
        String cldr = Locale.of("", code.value()).getDisplayCountry(locale);
        if (!cldr.isBlank() && !cldr.equals(code.value())) {
            return cldr;
        }
        if ("zh".equals(locale.getLanguage()) && officialNameChinese != null && !officialNameChinese.isBlank()) {
            return officialNameChinese;
        }
        return name;
    }
}
