package trade.caravan.catalog.pricing;

import org.springframework.stereotype.Component;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.Formats;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;

/** Money of the catalog formatted for the reader ({@code @catalogFormats} in templates). */
@Component("catalogFormats")
public class CatalogFormats {

    private final IndicativePrices prices;
    private final Formats formats;

    CatalogFormats(IndicativePrices prices, Formats formats) {
        this.prices = prices;
        this.formats = formats;
    }

    public String money(Money money) {
        return money(money.minor(), money.currency());
    }

    public String money(long minor, CurrencyCode currency) {
        int digits;
        try {
            digits = prices.minorDigits(currency);
        } catch (DomainException unknown) {
            digits = 2;
        }
        return formats.money(new Money(minor, currency).amount(digits), currency.value());
    }
}
