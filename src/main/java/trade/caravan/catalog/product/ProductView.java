package trade.caravan.catalog.product;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import trade.caravan.catalog.ProductId;
import trade.caravan.catalog.ProductStatus;

/** A product as its supplier sees it; {@code sku} is the supplier's own reference, if it gave one. */
public record ProductView(ProductId id, ProductStatus status, long version, ProductDetails details,
        Instant createdAt, Instant updatedAt, @Nullable Instant publishedAt, @Nullable String sku) {

    static ProductView of(Product product) {
        return new ProductView(product.id(), product.status(), product.version(), product.details(),
                product.createdAt(), product.updatedAt(), product.publishedAt(), product.sku());
    }
}
