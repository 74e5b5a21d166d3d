package trade.caravan.trades;

import java.util.Objects;
import java.util.UUID;

/** Identifies a trade. */
public record TradeId(UUID value) {

    public TradeId {
        Objects.requireNonNull(value, "value");
    }

    public static TradeId of(String value) {
        return new TradeId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
