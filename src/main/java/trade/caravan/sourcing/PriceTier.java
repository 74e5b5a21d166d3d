package trade.caravan.sourcing;

import java.math.BigDecimal;
import java.util.Objects;

/** From {@code minQuantity} on, each unit costs {@code unitPriceMinor} minor units of the term sheet's currency. */
public record PriceTier(BigDecimal minQuantity, long unitPriceMinor) {

    public PriceTier {
        Objects.requireNonNull(minQuantity, "minQuantity");
    }
}
