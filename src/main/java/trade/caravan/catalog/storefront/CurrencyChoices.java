package trade.caravan.catalog.storefront;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import trade.caravan.platform.DomainException;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.Currency;
import trade.caravan.reference.ExchangeRates;
import trade.caravan.shared.CurrencyCode;

/**
 * The currencies a buyer may read indicative prices in: the current ISO 4217 currencies that the
 * latest ECB publication quotes (the euro included). Worked out at most once an hour: the ECB
 * publishes once a working day.
 */
@Component
class CurrencyChoices {

    private static final Duration FRESH_FOR = Duration.ofHours(1);
    private static final CurrencyCode EURO = new CurrencyCode("EUR");

    private record Choices(List<Currency> currencies, Instant at) {
    }

    private final ExchangeRates rates;
    private final Currencies currencies;
    private final Clock clock;
    private final AtomicReference<Choices> latest = new AtomicReference<>();

    CurrencyChoices(ExchangeRates rates, Currencies currencies, Clock clock) {
        this.rates = rates;
        this.currencies = currencies;
        this.clock = clock;
    }

    List<Currency> all() {
        Instant now = clock.instant();
        Choices choices = latest.get();
        if (choices == null || choices.at().plus(FRESH_FOR).isBefore(now) || choices.at().isAfter(now)) {
            choices = new Choices(rates.quotedCurrencies().stream()
                    .filter(this::quotedToday)
                    .flatMap(code -> currencies.find(code).filter(Currency::current).stream())
                    .toList(), now);
            latest.set(choices);
        }
        return choices.currencies();
    }

    /** Currency names for a selector, in the reader's language. */
    List<Option> options(Locale locale) {
        return all().stream().map(c -> new Option(c.code().value(), c.code().value() + " – " + c.displayName(locale)))
                .toList();
    }

    record Option(String code, String label) {
    }

    private boolean quotedToday(CurrencyCode currency) {
        if (currency.equals(EURO)) {
            return true;
        }
        try {
            rates.latest(EURO, currency);
            return true;
        } catch (DomainException notQuoted) {
            return false;
        }
    }
}
