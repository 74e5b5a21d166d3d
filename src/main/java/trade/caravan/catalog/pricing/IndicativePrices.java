package trade.caravan.catalog.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import trade.caravan.platform.DomainException;
import trade.caravan.reference.Currencies;
import trade.caravan.reference.ExchangeRate;
import trade.caravan.reference.ExchangeRates;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;

/**
 * Prices converted for a buyer at the latest ECB euro reference rate, rounded half-even to the
 * target currency's minor units. Indicative only: the supplier's price in its own currency is the
 * price; the page says so and shows both.
 */
@Component
public class IndicativePrices {

    /** A converted price and what it came from. */
    public record Indicative(Money original, Money converted, BigDecimal rate, LocalDate rateDate) {

        public boolean isConversion() {
            return !original.currency().equals(converted.currency());
        }
    }

    private final ExchangeRates rates;
    private final Currencies currencies;

    IndicativePrices(ExchangeRates rates, Currencies currencies) {
        this.rates = rates;
        this.currencies = currencies;
    }

    public Indicative convert(Money price, CurrencyCode to) {
        if (price.currency().equals(to)) {
            return new Indicative(price, price, BigDecimal.ONE, LocalDate.MIN);
        }
        ExchangeRate rate = rates.latest(price.currency(), to);
        return new Indicative(price, convert(price, to, rate.rate()), rate.rate(), rate.rateDate());
    }

    /** The arithmetic alone: amount × rate, rounded half-even to the target's minor units. */
    public Money convert(Money price, CurrencyCode to, BigDecimal rate) {
        BigDecimal amount = price.amount(minorDigits(price.currency())).multiply(rate);
        int targetDigits = minorDigits(to);
        return new Money(amount.setScale(targetDigits, RoundingMode.HALF_EVEN).movePointRight(targetDigits)
                .longValueExact(), to);
    }

    public int minorDigits(CurrencyCode currency) {
        var digits = currencies.minorUnits(currency);
        if (digits.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID, "error.product.currency-unknown", currency.value());
        }
        return digits.getAsInt();
    }
}
