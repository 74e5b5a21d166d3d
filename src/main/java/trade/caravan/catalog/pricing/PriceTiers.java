package trade.caravan.catalog.pricing;

import java.util.Comparator;
import java.util.List;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;

/**
 * A product's unit prices by order quantity, in one currency: "from 500 units 12.40, from 2,000
 * units 11.90". The first tier starts at the minimum order quantity; quantities rise and unit
 * prices never rise from one tier to the next; every price is positive. The record keeps its tiers
 * in ascending order of quantity.
 */
public record PriceTiers(CurrencyCode currency, List<Tier> tiers) {

    /** From {@code minQuantity} units (inclusive), each unit costs {@code unitPriceMinor}. */
    public record Tier(long minQuantity, long unitPriceMinor) {
    }

    public static final int MAX_TIERS = 10;

    public PriceTiers {
        tiers = tiers.stream().sorted(Comparator.comparingLong(Tier::minQuantity)).toList();
    }

    /**
     * Checks tiers given in ascending order of quantity against the minimum order quantity,
     * reporting every broken rule under the position it was given at.
     */
    public static PriceTiers of(CurrencyCode currency, List<Tier> tiers, long minimumOrderQuantity) {
        var problems = new InvalidInput.Collector();
        if (tiers.isEmpty()) {
            problems.add("tiers", "error.product.tiers-missing");
        } else if (tiers.size() > MAX_TIERS) {
            problems.add("tiers", "error.product.tiers-too-many", MAX_TIERS);
        }
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (tier.unitPriceMinor() <= 0) {
                problems.add("tiers[" + i + "].unitPrice", "error.product.tier-price-positive");
            }
            if (i == 0 && tier.minQuantity() != minimumOrderQuantity) {
                problems.add("tiers[0].minQuantity", "error.product.tier-first-at-moq", minimumOrderQuantity);
            }
            if (i > 0) {
                Tier before = tiers.get(i - 1);
                if (tier.minQuantity() <= before.minQuantity()) {
                    problems.add("tiers[" + i + "].minQuantity", "error.product.tier-quantity-order");
                } else if (tier.unitPriceMinor() > before.unitPriceMinor()) {
                    problems.add("tiers[" + i + "].unitPrice", "error.product.tier-price-rises");
                }
            }
        }
        problems.throwIfAny();
        return new PriceTiers(currency, tiers);
    }

    public long minimumOrderQuantity() {
        return tiers.getFirst().minQuantity();
    }

    /** The lowest unit price (the last tier's), what listings show as "from". */
    public Money lowestUnitPrice() {
        return new Money(tiers.getLast().unitPriceMinor(), currency);
    }

    /** The unit price that applies to an order of {@code quantity} units. */
    public Money unitPriceFor(long quantity) {
        if (quantity < minimumOrderQuantity()) {
            throw new DomainException(DomainException.Kind.INVALID, "error.product.below-moq", minimumOrderQuantity());
        }
        Tier applicable = tiers.getFirst();
        for (Tier tier : tiers) {
            if (tier.minQuantity() <= quantity) {
                applicable = tier;
            }
        }
        return new Money(applicable.unitPriceMinor(), currency);
    }

    /** What {@code quantity} units cost in all, at their tier's unit price. */
    public Money totalFor(long quantity) {
        return unitPriceFor(quantity).times(quantity);
    }
}
