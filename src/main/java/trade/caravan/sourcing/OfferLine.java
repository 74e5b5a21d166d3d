package trade.caravan.sourcing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.UnitOfMeasure;
import trade.caravan.reference.HsCode;

/**
 * One line of a term sheet: what, how many, and at what unit price. The first tier applies from
 * the line's quantity; further tiers give lower prices for larger quantities.
 */
public record OfferLine(String description, @Nullable ProductId product, HsCode hsCode, BigDecimal quantity,
        UnitOfMeasure unit, List<PriceTier> tiers) {

    public OfferLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(hsCode, "hsCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("A line has at least one price tier");
        }
    }

    /** The unit price that applies to the line's quantity: the last tier whose minimum it reaches. */
    public long unitPriceMinor() {
        long price = tiers.getFirst().unitPriceMinor();
        for (PriceTier tier : tiers) {
            if (quantity.compareTo(tier.minQuantity()) >= 0) {
                price = tier.unitPriceMinor();
            }
        }
        return price;
    }

    /** Quantity times unit price, in minor units, rounded half-up to a whole minor unit. */
    public long amountMinor() {
        return quantity.multiply(BigDecimal.valueOf(unitPriceMinor()))
                .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
}
