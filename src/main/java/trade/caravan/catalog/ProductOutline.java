package trade.caravan.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import trade.caravan.reference.HsCode;
import trade.caravan.reference.UnLocode;
import trade.caravan.shared.CountryCode;
import trade.caravan.shared.CurrencyCode;
import trade.caravan.shared.OrganizationId;

/**
 * What a buyer saw of a published product, enough to start a request for quotation from it.
 *
 * @param textLocale              the language tag of {@code title} and {@code description}
 * @param description             empty when the listing has none in that language
 * @param minimumOrderQuantity    in {@code unit}, where the first price tier starts
 * @param firstTierUnitPriceMinor the unit price at the minimum order quantity, in minor units of {@code currency}
 * @param version                 the product's version this listing shows
 */
public record ProductOutline(ProductId id, OrganizationId supplier, String supplierName, HsCode hsCode,
        String textLocale, String title, String description, List<Specification> specifications, UnitOfMeasure unit,
        BigDecimal minimumOrderQuantity, CurrencyCode currency, long firstTierUnitPriceMinor, CountryCode origin,
        @Nullable UnLocode portOfLoading, int leadTimeDays, long version) {

    /** One of the supplier's specifications ("Power" = "2200 W"), as listed. */
    public record Specification(String name, String value) {
    }

    public ProductOutline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(hsCode, "hsCode");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        specifications = List.copyOf(specifications);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(minimumOrderQuantity, "minimumOrderQuantity");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(origin, "origin");
    }
}
