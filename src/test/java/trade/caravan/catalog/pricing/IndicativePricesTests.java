package trade.caravan.catalog.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import trade.caravan.platform.DomainException;
import trade.caravan.reference.ExchangeRates;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;
import trade.caravan.support.IntegrationTest;

/** Conversion against the bundled ECB reference rates, so the arithmetic meets real data. */
@IntegrationTest
class IndicativePricesTests {

    private static final CurrencyCode EUR = new CurrencyCode("EUR");
    private static final CurrencyCode USD = new CurrencyCode("USD");
    private static final CurrencyCode JPY = new CurrencyCode("JPY");
    private static final CurrencyCode CNY = new CurrencyCode("CNY");

    @Autowired
    IndicativePrices prices;

    @Autowired
    ExchangeRates rates;

    @Test
    void roundsHalfEvenToTheTargetsMinorUnits() {
        // 12.40 EUR at 162.5 JPY/EUR = 2015 JPY exactly; at 162.54 = 2015.496 → 2015
        assertThat(prices.convert(new Money(1240, EUR), JPY, new BigDecimal("162.5"))).isEqualTo(new Money(2015, JPY));
        assertThat(prices.convert(new Money(1240, EUR), JPY, new BigDecimal("162.54"))).isEqualTo(new Money(2015, JPY));
        // 0.5 and 1.5 yen: half-even goes to the even neighbour, not always up
        assertThat(prices.convert(new Money(100, USD), JPY, new BigDecimal("0.5"))).isEqualTo(new Money(0, JPY));
        assertThat(prices.convert(new Money(300, USD), JPY, new BigDecimal("0.5"))).isEqualTo(new Money(2, JPY));
        assertThat(prices.convert(new Money(500, USD), JPY, new BigDecimal("0.5"))).isEqualTo(new Money(2, JPY));
        // yen to cents: 1000 JPY at 0.0061523 EUR/JPY = 6.1523 EUR → 6.15
        assertThat(prices.convert(new Money(1000, JPY), EUR, new BigDecimal("0.0061523"))).isEqualTo(new Money(615, EUR));
    }

    @Test
    void usesTheLatestEcbRateAndKeepsTheOriginalBesideIt() {
        var latest = rates.latest(USD, CNY);
        var indicative = prices.convert(new Money(1_234_56, USD), CNY);

        assertThat(indicative.original()).isEqualTo(new Money(1_234_56, USD));
        assertThat(indicative.isConversion()).isTrue();
        assertThat(indicative.rate()).isEqualByComparingTo(latest.rate());
        assertThat(indicative.rateDate()).isEqualTo(latest.rateDate());
        assertThat(indicative.converted()).isEqualTo(prices.convert(new Money(1_234_56, USD), CNY, latest.rate()));
        assertThat(indicative.converted().currency()).isEqualTo(CNY);
    }

    @Test
    void theSameCurrencyIsNotAConversion() {
        var indicative = prices.convert(new Money(990, EUR), EUR);

        assertThat(indicative.isConversion()).isFalse();
        assertThat(indicative.converted()).isEqualTo(indicative.original());
    }

    @Test
    void aCurrencyWithoutMinorUnitsDataIsRefused() {
        assertThatThrownBy(() -> prices.minorDigits(new CurrencyCode("XYZ")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageCode()).isEqualTo("error.product.currency-unknown");
    }
}
