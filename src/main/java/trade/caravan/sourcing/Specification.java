package trade.caravan.sourcing;

import java.util.Objects;

/** One named requirement of an RFQ ("Voltage" = "220–240 V"). */
public record Specification(String name, String value) {

    public Specification {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
