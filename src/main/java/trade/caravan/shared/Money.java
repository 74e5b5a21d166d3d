package trade.caravan.shared;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money: a whole number of the currency's minor units (cents, fen) and its ISO 4217
 * currency. Never a floating-point number. How many minor units make a major one is the
 * currency's business (ISO 4217 "minor units"), given where it is needed.
 */
public record Money(long minor, CurrencyCode currency) implements Serializable {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(BigDecimal amount, int minorDigits, CurrencyCode currency) {
        return new Money(amount.movePointRight(minorDigits).longValueExact(), currency);
    }

    public BigDecimal amount(int minorDigits) {
        return BigDecimal.valueOf(minor, minorDigits);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    @Override
    public String toString() {
        return minor + " " + currency + " (minor units)";
    }
}
