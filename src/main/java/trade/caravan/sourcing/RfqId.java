package trade.caravan.sourcing;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a request for quotation. */
public record RfqId(UUID value) implements Serializable {

    public RfqId {
        Objects.requireNonNull(value, "value");
    }

    public static RfqId of(String value) {
        return new RfqId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
