package trade.caravan.catalog.listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import trade.caravan.catalog.pricing.IndicativePrices;
import trade.caravan.platform.DomainException;
import trade.caravan.reference.Countries;
import trade.caravan.reference.Country;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.Currency;
import trade.caravan.reference.ExchangeRates;
import trade.caravan.reference.HsEntry;
import trade.caravan.reference.HsNomenclature;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;

/**
 * The reference data a search page needs on every request (HS section and chapter names, country
 * names, minor units, exchange rates), kept in memory: a results page must not cost dozens of
 * database round trips. The nomenclature, countries and currencies are loaded once (not while the
 * reference data is still being loaded on a first start); rates are re-read after {@link #RATE_TTL}
 * so a newly published ECB rate is picked up.
 */
@Component
class SearchReference {

    static final Duration RATE_TTL = Duration.ofMinutes(10);
    private static final int DEFAULT_MINOR_DIGITS = 2;
    private static final int SHORT_NAME = 60;

    private record Rate(Optional<BigDecimal> rate, Instant readAt) {
    }

    private final HsNomenclature hs;
    private final Countries countries;
    private final Currencies currencies;
    private final ExchangeRates rates;
    private final IndicativePrices prices;
    private final Clock clock;
    private volatile Map<String, String> hsNames;
    private volatile Map<String, Country> countriesByCode;
    private volatile Map<String, Currency> currentCurrencies;
    private volatile List<Currency> quotedCurrencies;
    private final Map<String, Integer> minorDigits = new ConcurrentHashMap<>();
    private final Map<String, Rate> rateCache = new ConcurrentHashMap<>();

    SearchReference(HsNomenclature hs, Countries countries, Currencies currencies, ExchangeRates rates,
            IndicativePrices prices, Clock clock) {
        this.hs = hs;
        this.countries = countries;
        this.currencies = currencies;
        this.rates = rates;
        this.prices = prices;
        this.clock = clock;
    }

    /** The English description of an HS section ("XVI") or chapter ("85"); the code itself if unknown. */
    String hsName(String code) {
        Map<String, String> names = hsNames;
        if (names == null) {
            names = new ConcurrentHashMap<>();
            for (HsEntry section : hs.sections()) {
                names.put(section.code(), section.description());
                for (HsEntry chapter : hs.children(section)) {
                    names.put(chapter.code(), chapter.description());
                }
            }
            if (!names.isEmpty()) {
                hsNames = names;
            }
        }
        return names.getOrDefault(code, code);
    }

    /**
     * A short name for a facet: the description up to its first semicolon, at most
     * {@value #SHORT_NAME} characters ("Machinery and mechanical appliances").
     */
    String hsShortName(String code) {
        String name = hsName(code);
        int semicolon = name.indexOf(';');
        String first = semicolon > 0 ? name.substring(0, semicolon) : name;
        return first.length() <= SHORT_NAME ? first : first.substring(0, SHORT_NAME - 1).strip() + "…";
    }

    /** A country's name in the reader's language; the code itself if unknown. */
    String countryName(String code, Locale locale) {
        Country country = countries().get(code);
        return country == null ? code : country.displayName(locale);
    }

    private Map<String, Country> countries() {
        Map<String, Country> all = countriesByCode;
        if (all == null) {
            all = countries.all(Locale.ENGLISH).stream()
                    .collect(Collectors.toUnmodifiableMap(country -> country.code().value(), country -> country));
            if (!all.isEmpty()) {
                countriesByCode = all;
            }
        }
        return all;
    }

    /** Whether ISO 4217 has this currency and it is still in use. */
    boolean isCurrentCurrency(CurrencyCode code) {
        return currentCurrencies().containsKey(code.value());
    }

    /** The current currencies the ECB publishes a rate for: those a buyer can read prices in, by code. */
    List<Currency> buyerCurrencies() {
        List<Currency> offered = quotedCurrencies;
        if (offered == null) {
            var quoted = new HashSet<>(rates.quotedCurrencies());
            offered = currentCurrencies().values().stream().filter(currency -> quoted.contains(currency.code()))
                    .sorted(java.util.Comparator.comparing(currency -> currency.code().value())).toList();
            if (!offered.isEmpty()) {
                quotedCurrencies = offered;
            }
        }
        return offered;
    }

    private Map<String, Currency> currentCurrencies() {
        Map<String, Currency> current = currentCurrencies;
        if (current == null) {
            current = currencies.all(false).stream().filter(Currency::current)
                    .collect(Collectors.toUnmodifiableMap(currency -> currency.code().value(), currency -> currency));
            if (!current.isEmpty()) {
                currentCurrencies = current;
            }
        }
        return current;
    }

    int minorDigits(CurrencyCode currency) {
        return minorDigits.computeIfAbsent(currency.value(), code -> {
            try {
                return prices.minorDigits(currency);
            } catch (DomainException unknown) {
                return DEFAULT_MINOR_DIGITS;
            }
        });
    }

    /** The latest ECB rate from one currency to another, if the ECB quotes both. */
    Optional<BigDecimal> rate(CurrencyCode from, CurrencyCode to) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        Instant now = clock.instant();
        Rate cached = rateCache.get(from.value() + to.value());
        if (cached != null && cached.readAt().plus(RATE_TTL).isAfter(now)) {
            return cached.rate();
        }
        Optional<BigDecimal> rate;
        try {
            rate = Optional.of(rates.latest(from, to).rate());
        } catch (DomainException notQuoted) {
            rate = Optional.empty();
        }
        rateCache.put(from.value() + to.value(), new Rate(rate, now));
        return rate;
    }

    /**
     * {@code price} in {@code to} at the latest rate, rounded half-even to its minor units: the
     * arithmetic of {@link IndicativePrices}, with the rate and minor units from memory.
     */
    Optional<Money> convert(Money price, CurrencyCode to) {
        return rate(price.currency(), to).map(rate -> convert(price, to, rate));
    }

    Money convert(Money price, CurrencyCode to, BigDecimal rate) {
        BigDecimal amount = price.amount(minorDigits(price.currency())).multiply(rate);
        int digits = minorDigits(to);
        return new Money(amount.setScale(digits, RoundingMode.HALF_EVEN).movePointRight(digits).longValueExact(), to);
    }
}
