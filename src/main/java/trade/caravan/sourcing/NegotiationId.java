package trade.caravan.sourcing;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a negotiation: one RFQ, one supplier. */
public record NegotiationId(UUID value) implements Serializable {

    public NegotiationId {
        Objects.requireNonNull(value, "value");
    }

    public static NegotiationId of(String value) {
        return new NegotiationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
