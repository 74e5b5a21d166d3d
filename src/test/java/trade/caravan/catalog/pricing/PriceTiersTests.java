package trade.caravan.catalog.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import trade.caravan.platform.DomainException;
import trade.caravan.platform.InvalidInput;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.Money;

class PriceTiersTests {

    private static final CurrencyCode USD = new CurrencyCode("USD");

    private final PriceTiers tiers = PriceTiers.of(USD, List.of(
            new PriceTiers.Tier(500, 1240), new PriceTiers.Tier(2000, 1190), new PriceTiers.Tier(10_000, 1150)), 500);

    @Test
    void theTierOfAQuantityIsTheLastOneItReaches() {
        assertThat(tiers.unitPriceFor(500)).isEqualTo(new Money(1240, USD));
        assertThat(tiers.unitPriceFor(1999)).isEqualTo(new Money(1240, USD));
        assertThat(tiers.unitPriceFor(2000)).isEqualTo(new Money(1190, USD));
        assertThat(tiers.unitPriceFor(1_000_000)).isEqualTo(new Money(1150, USD));
        assertThat(tiers.totalFor(2500)).isEqualTo(new Money(2500 * 1190L, USD));
        assertThat(tiers.lowestUnitPrice()).isEqualTo(new Money(1150, USD));
        assertThat(tiers.minimumOrderQuantity()).isEqualTo(500);
    }

    @Test
    void belowTheMinimumOrderQuantityThereIsNoPrice() {
        assertThatThrownBy(() -> tiers.unitPriceFor(499))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageCode()).isEqualTo("error.product.below-moq");
    }

    @Test
    void everyBrokenRuleIsReportedAtItsPosition() {
        assertThatThrownBy(() -> PriceTiers.of(USD, List.of(
                new PriceTiers.Tier(100, 1000), new PriceTiers.Tier(100, 900), new PriceTiers.Tier(50, 0),
                new PriceTiers.Tier(500, 1200)), 200))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).violations().stream().map(v -> v.field() + ":" + v.messageCode()).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder(
                        "tiers[0].minQuantity:error.product.tier-first-at-moq",
                        "tiers[1].minQuantity:error.product.tier-quantity-order",
                        "tiers[2].unitPrice:error.product.tier-price-positive",
                        "tiers[2].minQuantity:error.product.tier-quantity-order",
                        "tiers[3].unitPrice:error.product.tier-price-rises");
    }

    @Test
    void atLeastOneAndAtMostTenTiers() {
        assertThatThrownBy(() -> PriceTiers.of(USD, List.of(), 1)).isInstanceOf(InvalidInput.class);
        var eleven = java.util.stream.LongStream.rangeClosed(1, 11).mapToObj(i -> new PriceTiers.Tier(i, 100)).toList();
        assertThatThrownBy(() -> PriceTiers.of(USD, eleven, 1)).isInstanceOf(InvalidInput.class);
    }
}
