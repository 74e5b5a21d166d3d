package trade.caravan.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import trade.caravan.shared.CurrencyCode;

/** The arithmetic of cross rates through the euro. Rates are the ECB's of 15 March 2024. */
class ExchangeRateTests {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final CurrencyCode USD = CurrencyCode.of("USD");
    private static final CurrencyCode CNY = CurrencyCode.of("CNY");
    private static final CurrencyCode JPY = CurrencyCode.of("JPY");
    private static final BigDecimal USD_PER_EUR = new BigDecimal("1.0892");
    private static final BigDecimal CNY_PER_EUR = new BigDecimal("7.838");
    private static final BigDecimal JPY_PER_EUR = new BigDecimal("162.03");
    private static final LocalDate DAY = LocalDate.of(2024, 3, 15);

    @Test
    void crossRateIsTargetPerEuroOverSourcePerEuroToTenSignificantDigits() {
        ExchangeRate rate = ExchangeRate.cross(USD, CNY, USD_PER_EUR, CNY_PER_EUR, DAY, DAY);

        // 7.838 / 1.0892 = 7.19610723466...
        assertThat(rate.rate()).isEqualByComparingTo("7.196107235");
        assertThat(rate.rate().precision()).isEqualTo(10);
    }

    @Test
    void roundsHalfEven() {
        // 1 / 8 = 0.125 exactly; 1 / 3 = 0.3333333333 (ten digits); 2 / 3 rounds up at the tenth digit
        assertThat(ExchangeRate.cross(USD, CNY, new BigDecimal("8"), BigDecimal.ONE, DAY, DAY).rate())
                .isEqualByComparingTo("0.125");
        assertThat(ExchangeRate.cross(USD, CNY, new BigDecimal("3"), BigDecimal.ONE, DAY, DAY).rate())
                .isEqualByComparingTo("0.3333333333");
        assertThat(ExchangeRate.cross(USD, CNY, new BigDecimal("3"), new BigDecimal("2"), DAY, DAY).rate())
                .isEqualByComparingTo("0.6666666667");
        // eleven digits ending in 5 are a tie: to the even neighbour, down here and up there
        assertThat(ExchangeRate.cross(USD, CNY, BigDecimal.ONE, new BigDecimal("1.0000000005"), DAY, DAY).rate())
                .isEqualByComparingTo("1.000000000");
        assertThat(ExchangeRate.cross(USD, CNY, BigDecimal.ONE, new BigDecimal("1.0000000015"), DAY, DAY).rate())
                .isEqualByComparingTo("1.000000002");
    }

    @Test
    void fromTheEuroThePublishedRateIsReturnedAsPublished() {
        ExchangeRate rate = ExchangeRate.cross(EUR, USD, BigDecimal.ONE, USD_PER_EUR, DAY, DAY);

        assertThat(rate.rate()).isEqualTo(new BigDecimal("1.0892"));
    }

    @Test
    void toTheEuroIsTheInverseOfThePublishedRate() {
        ExchangeRate rate = ExchangeRate.cross(USD, EUR, USD_PER_EUR, BigDecimal.ONE, DAY, DAY);

        assertThat(rate.rate()).isEqualByComparingTo(BigDecimal.ONE.divide(USD_PER_EUR, new MathContext(10)));
    }

    @Test
    void aRateTimesItsInverseIsOneWithinTheRoundingOfTenDigits() {
        BigDecimal there = ExchangeRate.cross(USD, JPY, USD_PER_EUR, JPY_PER_EUR, DAY, DAY).rate();
        BigDecimal back = ExchangeRate.cross(JPY, USD, JPY_PER_EUR, USD_PER_EUR, DAY, DAY).rate();

        assertThat(there.multiply(back).subtract(BigDecimal.ONE).abs()).isLessThan(new BigDecimal("1e-9"));
        assertThat(there).isNotEqualByComparingTo(back);
    }

    @Test
    void theSameCurrencyIsExactlyOne() {
        assertThat(ExchangeRate.cross(CNY, CNY, CNY_PER_EUR, CNY_PER_EUR, DAY, DAY).rate()).isEqualTo(BigDecimal.ONE);
    }

    @Test
    void convertsToTheTargetsMinorUnitsHalfEven() {
        ExchangeRate rate = ExchangeRate.cross(USD, CNY, USD_PER_EUR, CNY_PER_EUR, DAY, DAY);

        assertThat(rate.convert(new BigDecimal("1000.00"), 2)).isEqualTo(new BigDecimal("7196.11"));
        assertThat(ExchangeRate.cross(EUR, JPY, BigDecimal.ONE, JPY_PER_EUR, DAY, DAY).convert(new BigDecimal("0.50"), 0))
                .isEqualTo(new BigDecimal("81"));
        // 0.125 * 1 → 0.12 (half-even), not 0.13
        assertThat(ExchangeRate.cross(USD, CNY, new BigDecimal("8"), BigDecimal.ONE, DAY, DAY)
                .convert(BigDecimal.ONE, 2)).isEqualTo(new BigDecimal("0.12"));
    }

    @Test
    void saysWhenTheRateIsFromAnEarlierDay() {
        LocalDate saturday = LocalDate.of(2024, 3, 16);
        assertThat(ExchangeRate.cross(USD, CNY, USD_PER_EUR, CNY_PER_EUR, DAY, saturday).fromEarlierDay()).isTrue();
        assertThat(ExchangeRate.cross(USD, CNY, USD_PER_EUR, CNY_PER_EUR, DAY, DAY).fromEarlierDay()).isFalse();
    }

    @Test
    void refusesNonPositiveReferenceRates() {
        assertThatThrownBy(() -> ExchangeRate.cross(USD, CNY, BigDecimal.ZERO, CNY_PER_EUR, DAY, DAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
