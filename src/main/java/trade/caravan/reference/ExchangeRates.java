package trade.caravan.reference;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import trade.caravan.platform.DomainException;
import trade.caravan.shared.CurrencyCode;

/**
 * ECB euro reference rates between any two currencies the ECB quotes, for any day since the first
 * publication (4 January 1999). The rate used is the one published on the day asked for or, on a
 * weekend, holiday or a day after the last bundled publication, the latest one before it; the
 * result says which day that was.
 */
@Service
public class ExchangeRates {

    private static final CurrencyCode EURO = new CurrencyCode("EUR");

    private final EcbRateHistory history;
    private final Predicate<CurrencyCode> isoCurrency;
    private final Clock clock;

    @Autowired
    ExchangeRates(EcbRateHistory history, Currencies currencies, Clock clock) {
        this(history, code -> currencies.find(code).isPresent(), clock);
    }

    ExchangeRates(EcbRateHistory history, Predicate<CurrencyCode> isoCurrency, Clock clock) {
        this.history = history;
        this.isoCurrency = isoCurrency;
        this.clock = clock;
    }

    /** The euro and every currency the ECB has quoted at some time, by code. */
    public List<CurrencyCode> quotedCurrencies() {
        var quoted = new java.util.ArrayList<>(history.quoted());
        quoted.add(EURO);
        quoted.sort(java.util.Comparator.comparing(CurrencyCode::value));
        return List.copyOf(quoted);
    }

    /** The latest rate. */
    public ExchangeRate latest(CurrencyCode from, CurrencyCode to) {
        return rate(from, to, null);
    }

    /**
     * The rate on {@code date} (today when {@code null}). Refused: codes that are not ISO 4217,
     * currencies the ECB does not quote or did not quote that day, days before 4 January 1999 and
     * days in the future.
     */
    public ExchangeRate rate(CurrencyCode from, CurrencyCode to, @Nullable LocalDate date) {
        for (CurrencyCode code : List.of(from, to)) {
            if (!code.equals(EURO) && !isoCurrency.test(code)) {
                throw new DomainException(DomainException.Kind.INVALID, "error.reference.currency-unknown", code.value());
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate requested = date == null ? today : date;
        if (requested.isAfter(today)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.reference.fx-future", requested.toString());
        }
        LocalDate first = history.firstPublication()
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "error.reference.fx-no-data"));
        if (requested.isBefore(first)) {
            throw new DomainException(DomainException.Kind.INVALID, "error.reference.fx-before-first",
                    requested.toString(), first.toString());
        }
        LocalDate publication = history.publicationOnOrBefore(requested)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "error.reference.fx-no-data"));
        if (from.equals(to)) {
            // converting a currency into itself needs no quotation, whether or not the ECB has one
            return ExchangeRate.cross(from, to, BigDecimal.ONE, BigDecimal.ONE, publication, requested);
        }
        BigDecimal fromPerEuro = perEuro(from, publication);
        BigDecimal toPerEuro = perEuro(to, publication);
        return ExchangeRate.cross(from, to, fromPerEuro, toPerEuro, publication, requested);
    }

    private BigDecimal perEuro(CurrencyCode currency, LocalDate publication) {
        if (currency.equals(EURO)) {
            return BigDecimal.ONE;
        }
        return history.perEuro(currency, publication).orElseThrow(() -> history.coverage(currency)
                .map(coverage -> new DomainException(DomainException.Kind.NOT_FOUND, "error.reference.fx-not-quoted-on",
                        currency.value(), publication.toString(), coverage.first().toString(), coverage.last().toString()))
                .orElseGet(() -> new DomainException(DomainException.Kind.NOT_FOUND, "error.reference.fx-not-quoted",
                        currency.value())));
    }
}
