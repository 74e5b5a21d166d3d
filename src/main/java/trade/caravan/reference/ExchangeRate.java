package trade.caravan.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

import trade.caravan.shared.CurrencyCode;

/**
 * How many units of {@code to} one unit of {@code from} buys, by the ECB's euro reference rates
 * published on {@code rateDate}: the latest publication on or before {@code requestedDate} (the
 * ECB publishes on TARGET business days, so a weekend or holiday uses the business day before).
 * Rates between two non-euro currencies are crossed through the euro on that same day.
 */
public record ExchangeRate(CurrencyCode from, CurrencyCode to, BigDecimal rate, LocalDate rateDate,
        LocalDate requestedDate) {

    /** Cross rates keep ten significant digits, rounded half-even: more than the ECB's five or six. */
    public static final MathContext PRECISION = new MathContext(10, RoundingMode.HALF_EVEN);
    public static final String SOURCE = "European Central Bank, euro foreign exchange reference rates";
    private static final CurrencyCode EURO = new CurrencyCode("EUR");

    /**
     * The rate of {@code from} in {@code to}, given both as units per euro ({@code fromPerEuro},
     * {@code toPerEuro}; 1 for the euro itself): {@code toPerEuro / fromPerEuro}. From the euro the
     * published rate is returned as published; the same currency gives exactly 1.
     */
    static ExchangeRate cross(CurrencyCode from, CurrencyCode to, BigDecimal fromPerEuro, BigDecimal toPerEuro,
            LocalDate rateDate, LocalDate requestedDate) {
        if (fromPerEuro.signum() <= 0 || toPerEuro.signum() <= 0) {
            throw new IllegalArgumentException("Reference rates are positive");
        }
        BigDecimal rate;
        if (from.equals(to)) {
            rate = BigDecimal.ONE;
        } else if (from.equals(EURO)) {
            rate = toPerEuro;
        } else {
            rate = toPerEuro.divide(fromPerEuro, PRECISION);
        }
        return new ExchangeRate(from, to, rate, rateDate, requestedDate);
    }

    /** {@code amount} of {@code from} in {@code to}, rounded half-even to {@code scale} decimals (the target's minor units). */
    public BigDecimal convert(BigDecimal amount, int scale) {
        return amount.multiply(rate).setScale(scale, RoundingMode.HALF_EVEN);
    }

    /** Whether the rate is from an earlier day than asked for (weekend, holiday, or after the last publication). */
    public boolean fromEarlierDay() {
        return rateDate.isBefore(requestedDate);
    }
}
