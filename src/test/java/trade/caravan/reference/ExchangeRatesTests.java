package trade.caravan.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import trade.caravan.platform.DomainException;
import trade.caravan.shared.CurrencyCode;

/** Which ECB publication a request uses, and what is refused; rates held in memory. */
class ExchangeRatesTests {

    private static final LocalDate THURSDAY = LocalDate.of(2024, 3, 14);
    private static final LocalDate FRIDAY = LocalDate.of(2024, 3, 15);
    private static final LocalDate SATURDAY = LocalDate.of(2024, 3, 16);
    private static final LocalDate SUNDAY = LocalDate.of(2024, 3, 17);
    private static final LocalDate FIRST = LocalDate.of(1999, 1, 4);

    /** Publication days → units per euro, like the ECB file: RUB ended before March 2024. */
    private final NavigableMap<LocalDate, Map<String, BigDecimal>> published = new TreeMap<>(Map.of(
            FIRST, Map.of("USD", new BigDecimal("1.1789"), "RUB", new BigDecimal("25.2875")),
            THURSDAY, Map.of("USD", new BigDecimal("1.0925"), "CNY", new BigDecimal("7.8564")),
            FRIDAY, Map.of("USD", new BigDecimal("1.0892"), "CNY", new BigDecimal("7.838"))));

    private final EcbRateHistory history = new EcbRateHistory() {
        @Override
        public Optional<LocalDate> firstPublication() {
            return Optional.of(published.firstKey());
        }

        @Override
        public Optional<LocalDate> publicationOnOrBefore(LocalDate day) {
            return Optional.ofNullable(published.floorKey(day));
        }

        @Override
        public Optional<BigDecimal> perEuro(CurrencyCode currency, LocalDate publication) {
            return Optional.ofNullable(published.get(publication).get(currency.value()));
        }

        @Override
        public Optional<Coverage> coverage(CurrencyCode currency) {
            List<LocalDate> days = published.entrySet().stream()
                    .filter(day -> day.getValue().containsKey(currency.value())).map(Map.Entry::getKey).toList();
            return days.isEmpty() ? Optional.empty() : Optional.of(new Coverage(days.getFirst(), days.getLast()));
        }

        @Override
        public List<CurrencyCode> quoted() {
            return List.of(CurrencyCode.of("CNY"), CurrencyCode.of("RUB"), CurrencyCode.of("USD"));
        }
    };

    private static final Set<String> ISO_CODES = Set.of("EUR", "USD", "CNY", "RUB", "NGN");

    private final ExchangeRates rates = new ExchangeRates(history, code -> ISO_CODES.contains(code.value()),
            Clock.fixed(SUNDAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

    private static CurrencyCode code(String value) {
        return CurrencyCode.of(value);
    }

    @Test
    void usesThePublicationOfTheDayAskedFor() {
        ExchangeRate rate = rates.rate(code("USD"), code("CNY"), THURSDAY);

        assertThat(rate.rateDate()).isEqualTo(THURSDAY);
        assertThat(rate.rate()).isEqualByComparingTo(new BigDecimal("7.8564").divide(new BigDecimal("1.0925"), ExchangeRate.PRECISION));
    }

    @Test
    void aWeekendUsesTheBusinessDayBeforeAndSaysSo() {
        for (LocalDate weekend : List.of(SATURDAY, SUNDAY)) {
            ExchangeRate rate = rates.rate(code("USD"), code("CNY"), weekend);

            assertThat(rate.rateDate()).isEqualTo(FRIDAY);
            assertThat(rate.requestedDate()).isEqualTo(weekend);
            assertThat(rate.fromEarlierDay()).isTrue();
            assertThat(rate.rate()).isEqualByComparingTo("7.196107235");
        }
    }

    @Test
    void withoutADateTheLatestPublicationBeforeTodayIsUsed() {
        ExchangeRate rate = rates.latest(code("EUR"), code("USD"));

        assertThat(rate.rateDate()).isEqualTo(FRIDAY);
        assertThat(rate.requestedDate()).isEqualTo(SUNDAY.plusDays(1));
        assertThat(rate.rate()).isEqualTo(new BigDecimal("1.0892"));
    }

    @Test
    void theSameCurrencyIsOneEvenIfTheEcbDoesNotQuoteIt() {
        ExchangeRate rate = rates.rate(code("NGN"), code("NGN"), FRIDAY);

        assertThat(rate.rate()).isEqualTo(BigDecimal.ONE);
        assertThat(rate.rateDate()).isEqualTo(FRIDAY);
    }

    @Test
    void refusesDaysBeforeTheFirstPublication() {
        assertRefused(() -> rates.rate(code("USD"), code("EUR"), LocalDate.of(1998, 12, 31)),
                DomainException.Kind.INVALID, "error.reference.fx-before-first");
    }

    @Test
    void refusesDaysInTheFuture() {
        assertRefused(() -> rates.rate(code("USD"), code("EUR"), SUNDAY.plusDays(2)),
                DomainException.Kind.INVALID, "error.reference.fx-future");
    }

    @Test
    void refusesCodesThatAreNotIso4217() {
        assertRefused(() -> rates.rate(code("XYZ"), code("EUR"), FRIDAY),
                DomainException.Kind.INVALID, "error.reference.currency-unknown");
        assertRefused(() -> rates.rate(code("EUR"), code("XYZ"), FRIDAY),
                DomainException.Kind.INVALID, "error.reference.currency-unknown");
    }

    @Test
    void refusesCurrenciesTheEcbDoesNotQuote() {
        assertRefused(() -> rates.rate(code("NGN"), code("EUR"), FRIDAY),
                DomainException.Kind.NOT_FOUND, "error.reference.fx-not-quoted");
    }

    @Test
    void refusesADayOutsideTheCurrencysSeriesInsteadOfUsingAStaleRate() {
        assertThatThrownBy(() -> rates.rate(code("RUB"), code("EUR"), FRIDAY))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageCode()).isEqualTo("error.reference.fx-not-quoted-on");
                    assertThat(e.arguments()).containsExactly("RUB", "2024-03-15", "1999-01-04", "1999-01-04");
                });
    }

    private static void assertRefused(Runnable lookup, DomainException.Kind kind, String messageCode) {
        assertThatThrownBy(lookup::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.messageCode()).isEqualTo(messageCode);
        });
    }
}
