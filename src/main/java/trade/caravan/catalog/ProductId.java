package trade.caravan.catalog;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a product of the catalog (the same identifier as its public listing). */
public record ProductId(UUID value) implements Serializable {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    public static ProductId of(String value) {
        return new ProductId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
